import * as assert from 'node:assert/strict';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { answerAddConnection, connectionStatusItem, quickPickRow } from './connectionFlow';
import { openWorkbench, type Workbench } from './workbench';

// Made up: secret storage lives in this test's fresh browser profile and user-data dir.
const KEY = 'fp_ui_set_key_5d21';

describe('Set API Key (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY, seedTasks: false });
    // Identification reads the key's environment off its first task.
    server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: 'ui-set-key.csv' });
    // No connection at all: nothing from the environment, no earlier settings to move.
    workbench = await openWorkbench({ env: { FLEXPRICE_API_KEY: undefined, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined } });
  });

  afterEach(async function () {
    await workbench?.screenshotOnFailure(this.currentTest);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  it('with no connection yet, adds one, asking for the key in a password box', async () => {
    const { page } = workbench;
    await workbench.runCommand('Flexprice: Set API Key');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Flexprice: Add Connection' }).waitFor();
    for (const where of ['Flexprice Cloud US', 'Flexprice Cloud India', 'Self-hosted…']) await quickPickRow(page, where).waitFor();

    // answerAddConnection fails unless the key goes into a password box.
    assert.equal(await answerAddConnection(workbench, { apiUrl: server.baseUrl, key: KEY }), 'Acme · Sandbox');
    const message = await workbench.waitForNotification(/connected to/);
    assert.match(message, /Flexprice: connected to "Acme · Sandbox"/);
    assert.ok(!message.includes(KEY), 'the confirmation must not show the key');
    await connectionStatusItem(page).filter({ hasText: 'Acme · Sandbox' }).waitFor();
    const identified = server.requests.filter({ path: '/v1/users/me' });
    assert.ok(identified.some((request) => request.headers['x-api-key'] === KEY), 'the key was checked with the server before it was named');
  });

  it("with a connection, asks for that connection's key in a password box and confirms it was saved", async () => {
    const { page } = workbench;
    await workbench.runCommand('Flexprice: Set API Key');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Flexprice: Set API Key' }).waitFor();
    const password = page.locator('.quick-input-widget input[type=password]');
    await password.waitFor();
    assert.equal(await password.count(), 1, 'the key is typed into a password box');

    await workbench.typeIntoInput(KEY);
    const message = await workbench.waitForNotification(/API key saved/);
    assert.match(message, /Flexprice API key saved for "Acme · Sandbox"/);
    assert.ok(!message.includes(KEY), 'the confirmation must not show the key');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });
});
