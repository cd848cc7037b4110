import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import {
  addConnectionThroughCommand,
  answerInputBoxes,
  answerQuickPicks,
  editConnectionUrlThroughCommand,
  labelled,
  recordMessages,
  removeConnectionThroughCommand,
  setSetting,
  stubWindow,
  taskPanelTabs,
  until,
} from './vscodeStubs';

const KEY = 'fp_panel_integration_key_4b7e';
const CONNECTION = 'Panel test';
/** Nothing listens there: requests to it are refused at once. */
const DEAD_URL = 'http://127.0.0.1:9/v1';

/** Records error messages with their action buttons; picks none. */
function recordErrors() {
  const stub = stubWindow('showErrorMessage', (async () => undefined) as typeof vscode.window.showErrorMessage);
  return { all: () => stub.calls.map((args) => ({ message: String(args[0]), actions: args.slice(1).map(String) })), restore: stub.restore };
}

/**
 * Replaces vscode.env.openExternal for one test (the extension host allows this in tests),
 * recording what it was handed: a presigned link must arrive as the exact string sent.
 */
function recordOpenExternal() {
  const env = vscode.env as unknown as { openExternal: (target: unknown) => Thenable<boolean> };
  const original = env.openExternal;
  const opened: unknown[] = [];
  env.openExternal = async (target: unknown) => {
    opened.push(target);
    return true;
  };
  return { opened, restore: () => void (env.openExternal = original) };
}

describe('Task panel and Get Task', () => {
  let server: LocalFlexpriceServer;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeConnectionThroughCommand(CONNECTION);
    await setSetting('requestTimeoutSeconds', undefined);
    await server.close();
  });

  afterEach(async () => {
    server.faults.clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel for a task, titled by its file name, and reveals it on a second call', async () => {
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    const errors = recordErrors();
    try {
      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.getTask', `  "${task.id}" `);
      const [tab] = await until('the panel tab', () => taskPanelTabs().length > 0 && taskPanelTabs());
      assert.ok(task.file_name, 'the fixture has a file name');
      assert.equal(tab?.label, task.file_name.length <= 60 ? task.file_name : `${task.file_name.slice(0, 57)}…`);

      await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
      await until('the untitled editor to be active', () => !taskPanelTabs()[0]?.isActive);
      await vscode.commands.executeCommand('flexprice.getTask', task.id);
      await until('the panel to be revealed', () => taskPanelTabs()[0]?.isActive);
      assert.equal(taskPanelTabs().length, 1, 'the same panel is revealed, not a second one');
      assert.equal(server.requests.count({ path: `/v1/tasks/${task.id}` }), 2);

      await vscode.commands.executeCommand('flexprice.getTask', { id: FIXTURE_IDS.completedImport, label: 'from the sidebar' });
      await until('a second panel', () => taskPanelTabs().length === 2);
      assert.deepEqual(errors.all(), []);
    } finally {
      errors.restore();
    }
  });

  it('gives one clear message per failure, with the action that fixes it', async () => {
    const errors = recordErrors();
    const id = FIXTURE_IDS.completedImport;
    try {
      await vscode.commands.executeCommand('flexprice.getTask', 'task_does_not_exist_01');
      server.faults.set({ pathPrefix: '/v1/tasks/', forbidden: 'permissions', times: 1 });
      await vscode.commands.executeCommand('flexprice.getTask', id);
      server.faults.set({ pathPrefix: '/v1/tasks/', serverError: { status: 503, body: 'html' }, times: 1 });
      await vscode.commands.executeCommand('flexprice.getTask', id);
      await setSetting('requestTimeoutSeconds', 1);
      server.faults.set({ pathPrefix: '/v1/tasks/', hang: true, times: 1 });
      await vscode.commands.executeCommand('flexprice.getTask', id);
      await setSetting('requestTimeoutSeconds', undefined);
      await editConnectionUrlThroughCommand(CONNECTION, DEAD_URL);
      await vscode.commands.executeCommand('flexprice.getTask', id);
      await editConnectionUrlThroughCommand(CONNECTION, server.baseUrl);

      const [notFound, forbidden, serverError, timeout, unreachable] = errors.all();
      assert.match(notFound?.message ?? '', /task_does_not_exist_01/);
      assert.ok(notFound?.message.includes(server.baseUrl) && notFound.message.includes(CONNECTION), notFound?.message);
      // Not found may mean the task is in the other environment: switching is the first fix.
      assert.deepEqual(notFound?.actions, ['Switch Connection', 'Edit Connection', 'Show Log']);
      assert.deepEqual(forbidden?.actions, ['Set API Key', 'Edit Connection', 'Show Log']);
      assert.ok(serverError?.actions.includes('Retry'), JSON.stringify(serverError));
      assert.ok(timeout?.actions.includes('Retry'), JSON.stringify(timeout));
      assert.ok(unreachable?.actions.includes('Edit Connection'), JSON.stringify(unreachable));
      assert.ok(unreachable?.message.includes(DEAD_URL), JSON.stringify(unreachable));
      assert.equal(errors.all().length, 5);
      for (const { message } of errors.all()) assert.ok(!message.includes(KEY), 'the key never appears in a message');
      assert.equal(taskPanelTabs().length, 0, 'no panel for a failed lookup');
    } finally {
      errors.restore();
      await editConnectionUrlThroughCommand(CONNECTION, server.baseUrl);
      await setSetting('requestTimeoutSeconds', undefined);
    }
  });

  it('"Edit Connection" on an unreachable URL edits the connection that failed, and the next lookup goes to the new URL', async () => {
    const id = FIXTURE_IDS.completedImport;
    await editConnectionUrlThroughCommand(CONNECTION, DEAD_URL);
    const errors = stubWindow('showErrorMessage', (async (message: string, ...actions: string[]) =>
      message.startsWith('Cannot reach') && actions.includes('Edit Connection') ? 'Edit Connection' : undefined) as unknown as typeof vscode.window.showErrorMessage);
    const picks = answerQuickPicks(labelled('$(globe) Change API URL'), labelled('Self-hosted'));
    const input = answerInputBoxes(server.baseUrl);
    try {
      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.getTask', id);
      assert.equal(errors.calls.length, 1, JSON.stringify(errors.calls));
      assert.match(String(picks.offered[0]?.[0]?.label), /Rename/, 'the edit menu of the connection was offered');
      assert.equal((input.calls[0]?.[0] as vscode.InputBoxOptions | undefined)?.value, DEAD_URL, 'the URL box starts from the failing URL');
      assert.equal(server.requests.count({ path: `/v1/tasks/${id}` }), 0, 'the lookup did not reach the server while the URL was dead');

      await vscode.commands.executeCommand('flexprice.getTask', id);
      assert.equal(server.requests.count({ path: `/v1/tasks/${id}` }), 1);
      assert.equal(errors.calls.length, 1, 'the lookup after the edit succeeded');
      await until('the panel', () => taskPanelTabs().length === 1);
    } finally {
      errors.restore();
      picks.restore();
      input.restore();
      await editConnectionUrlThroughCommand(CONNECTION, server.baseUrl);
    }
  });

  it('says "Set API Key" when the key is refused', async () => {
    const input = answerInputBoxes('fp_wrong_key');
    const quiet = recordMessages();
    await vscode.commands.executeCommand('flexprice.setApiKey');
    input.restore();
    quiet.restore();
    const errors = recordErrors();
    try {
      await vscode.commands.executeCommand('flexprice.getTask', FIXTURE_IDS.completedImport);
      assert.deepEqual(errors.all()[0]?.actions, ['Set API Key', 'Show Log']);
      assert.ok(!errors.all()[0]?.message.includes('fp_wrong_key'));
    } finally {
      errors.restore();
      const restoreKey = answerInputBoxes(KEY);
      const messages = recordMessages();
      await vscode.commands.executeCommand('flexprice.setApiKey');
      restoreKey.restore();
      messages.restore();
    }
  });

  it('Open File asks the download route for an s3:// export and opens the link it returns', async () => {
    const id = FIXTURE_IDS.completedExportS3;
    const opened = recordOpenExternal();
    const errors = recordErrors();
    try {
      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.openTaskFile', id);
      assert.equal(server.requests.count({ path: `/v1/tasks/${id}/download` }), 1);
      assert.equal(opened.opened.length, 1);
      const link = opened.opened[0];
      assert.equal(typeof link, 'string', 'the link is handed on as the string the server sent, not as a vscode.Uri');
      assert.ok((link as string).startsWith(`${server.origin}/files/`), String(link));
      assert.equal(server.requests.count({ pathPrefix: '/files/' }), 0, 'the browser fetches the file, not the extension');
      assert.deepEqual(errors.all(), []);
      // The link carries a SigV4-shaped query that a vscode.Uri would re-encode, breaking its signature...
      assert.match(link as string, /X-Amz-Credential=[^&]*%2F.*X-Amz-Security-Token=[^&]*%2B[^&]*%3D.*X-Amz-Signature=/);
      assert.notEqual(vscode.Uri.parse(link as string).toString(), link, 'a Uri round trip changes this link');
      // ...and exactly as handed on, the file host accepts it (it answers 403 to a changed query).
      const response = await fetch(link as string);
      assert.equal(response.status, 200, await response.text());
    } finally {
      opened.restore();
      errors.restore();
    }
  });

  it('Open File refuses a javascript: URL with a message and opens nothing', async () => {
    const opened = recordOpenExternal();
    const warnings = stubWindow('showWarningMessage', (async () => undefined) as typeof vscode.window.showWarningMessage);
    try {
      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.openTaskFile', FIXTURE_IDS.hostile);
      assert.deepEqual(opened.opened, []);
      assert.equal(server.requests.count({ pathPrefix: `/v1/tasks/${encodeURIComponent(FIXTURE_IDS.hostile)}/download` }), 0);
      assert.match(String(warnings.calls[0]?.[0]), /javascript/);
    } finally {
      opened.restore();
      warnings.restore();
    }
  });

  it('Open File refuses an export that has not finished, without asking the server for a link', async () => {
    const running = server.store.add({ task_type: 'EXPORT', entity_type: 'events', task_status: 'PROCESSING', file_url: 's3://exports/e.csv' });
    const opened = recordOpenExternal();
    const warnings = stubWindow('showWarningMessage', (async () => undefined) as typeof vscode.window.showWarningMessage);
    try {
      await vscode.commands.executeCommand('flexprice.openTaskFile', running.id);
      assert.deepEqual(opened.opened, []);
      assert.equal(server.requests.count({ path: `/v1/tasks/${running.id}/download` }), 0);
      assert.match(String(warnings.calls[0]?.[0]), /not finished/);
    } finally {
      opened.restore();
      warnings.restore();
    }
  });
});
