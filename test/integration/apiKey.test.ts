import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { addConnectionThroughCommand, answerInputBoxes, recordMessages, removeConnectionThroughCommand } from './vscodeStubs';

const KEY = 'fp_integration_key_7f3a';
const CONNECTION = 'API key test';

describe('API key', () => {
  let server: LocalFlexpriceServer;
  let taskId: string;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY, seedTasks: false });
    taskId = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'COMPLETED' }).id;
    await addConnectionThroughCommand({ apiUrl: server.baseUrl, key: KEY, name: CONNECTION });
    // The connection stays, without its key: the first test sets it.
    const messages = recordMessages();
    await vscode.commands.executeCommand('flexprice.clearApiKey');
    messages.restore();
  });

  after(async () => {
    await removeConnectionThroughCommand(CONNECTION);
    await server.close();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Set API Key asks in a password box, stores the trimmed key, and requests carry it', async () => {
    const input = answerInputBoxes(`  ${KEY}  `);
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('flexprice.setApiKey');
      const options = input.calls[0]?.[0] as vscode.InputBoxOptions;
      assert.equal(options.password, true);
      assert.equal(options.ignoreFocusOut, true);
      assert.ok(messages.info().some((m) => m.includes('API key saved') && m.includes(CONNECTION)), messages.info().join('|'));

      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.getTask', taskId);
      const sent = server.requests.all().filter((r) => r.path.endsWith(`/tasks/${taskId}`));
      assert.equal(sent.length, 1);
      assert.equal(sent[0]?.headers['x-api-key'], KEY);
      assert.deepEqual(messages.errors(), []);
    } finally {
      input.restore();
      messages.restore();
    }
  });

  it('refuses an empty key', async () => {
    const input = answerInputBoxes('   ');
    try {
      await vscode.commands.executeCommand('flexprice.setApiKey');
      const options = input.calls[0]?.[0] as vscode.InputBoxOptions;
      assert.ok(options.validateInput?.('   '), 'blank input must be flagged while typing');
      assert.equal(options.validateInput?.('k'), undefined);
    } finally {
      input.restore();
    }
    // The earlier key is still in force: a request still carries it.
    server.requests.clear();
    await vscode.commands.executeCommand('flexprice.getTask', taskId);
    assert.equal(server.requests.all()[0]?.headers['x-api-key'], KEY);
  });

  it('keeps the key out of every setting', () => {
    const config = vscode.workspace.getConfiguration('flexprice');
    for (const name of ['apiUrl', 'environmentId', 'connection', 'requestTimeoutSeconds', 'apiKey']) {
      const inspected = config.inspect(name);
      assert.ok(!JSON.stringify(inspected ?? {}).includes(KEY), `${name} holds the key`);
    }
  });

  it('Clear API Key removes it: the next lookup asks for a key and sends nothing', async () => {
    const messages = recordMessages();
    const input = answerInputBoxes(undefined);
    try {
      await vscode.commands.executeCommand('flexprice.clearApiKey');
      assert.ok(messages.info().some((m) => m.includes('API key removed') && m.includes(CONNECTION)), messages.info().join('|'));
      server.requests.clear();
      await vscode.commands.executeCommand('flexprice.getTask', taskId);
      const prompt = input.calls[0]?.[0] as vscode.InputBoxOptions;
      assert.equal(prompt?.password, true, 'a key prompt was expected');
      assert.equal(server.requests.all().length, 0);
    } finally {
      input.restore();
      messages.restore();
    }
  });
});
