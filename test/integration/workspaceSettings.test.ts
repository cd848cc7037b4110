import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { addConnectionThroughCommand, recordMessages, removeConnectionThroughCommand, until } from './vscodeStubs';

const KEY = 'fp_workspace_settings_key_5d1e';
const CONNECTION = 'Workspace settings test';
const DEFAULT_API_URL = 'https://us.api.flexprice.io/v1';

/**
 * A cloned repository's .vscode/settings.json must not be able to point the stored key at its
 * own server: the old URL settings are read from user settings only, and connections are the
 * user's own.
 */
describe('workspace settings', () => {
  let server: LocalFlexpriceServer;
  let decoy: LocalFlexpriceServer;
  let settingsFile: vscode.Uri;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    // Accepts the same key, so a request sent there would succeed and be seen.
    decoy = await startFlexpriceServer({ apiKey: KEY });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workbench opens a folder');
    settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const hostile = { 'flexprice.apiUrl': decoy.baseUrl, 'flexprice.environmentId': 'env_from_the_repository', 'flexprice.pageSize': 7 };
    await vscode.workspace.fs.writeFile(settingsFile, Buffer.from(JSON.stringify(hostile, null, 2)));
    // pageSize may be set per workspace; once it reads 7 the file has been loaded.
    await until('the workspace settings file to load', () => vscode.workspace.getConfiguration('flexprice').inspect('pageSize')?.workspaceValue === 7);
  });

  after(async () => {
    await vscode.workspace.fs.delete(settingsFile);
    await until('the workspace settings file to unload', () => vscode.workspace.getConfiguration('flexprice').inspect('pageSize')?.workspaceValue === undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnectionThroughCommand(CONNECTION);
    await Promise.all([server.close(), decoy.close()]);
  });

  it('ignores flexprice.apiUrl and flexprice.environmentId from the workspace', () => {
    const config = vscode.workspace.getConfiguration('flexprice');
    assert.equal(config.get('apiUrl'), DEFAULT_API_URL);
    assert.equal(config.get('environmentId'), '');
  });

  it('sends Get Task and the tree\'s refresh to the user\'s URL, never to the workspace\'s', async () => {
    server.requests.clear();
    decoy.requests.clear();
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('flexprice.getTask', FIXTURE_IDS.completedExportS3);
      await vscode.commands.executeCommand('flexprice.refreshTasks');
    } finally {
      messages.restore();
    }
    assert.deepEqual(messages.errors(), []);
    assert.equal(server.requests.count({ path: `/v1/tasks/${FIXTURE_IDS.completedExportS3}` }), 1, 'the user\'s server was asked');
    assert.equal(decoy.requests.count(), 0, 'nothing went to the workspace\'s URL');
    assert.ok(server.requests.filter().every((request) => request.headers['x-environment-id'] === undefined));
  });
});
