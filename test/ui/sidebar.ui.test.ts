import * as assert from 'node:assert/strict';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { connectionStatusItem } from './connectionFlow';
import { openWorkbench, type Workbench } from './workbench';

/*
 * The sidebar as a person uses it: real VS Code (code-server) in real Chromium, the extension
 * under development, the local Flexprice server. Nothing is stubbed.
 */

const KEY = 'fp_sidebar_ui_key_5d1e';

describe('Flexprice sidebar (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;
  let liveId: string;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY, seedTasks: false });
    server.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'COMPLETED', file_name: 'ui-invoices.csv' });
    liveId = server.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'PROCESSING', file_name: 'ui-live-events.csv' }).id;
    workbench = await openWorkbench({
      settings: {
        'flexprice.apiUrl': server.baseUrl,
        'flexprice.refresh.minIntervalSeconds': 0.5,
        'flexprice.refresh.maxIntervalSeconds': 1,
      },
      // The old apiUrl setting alone (no key anywhere) becomes a connection without a key.
      env: { FLEXPRICE_API_KEY: undefined, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined },
    });
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  const row = (text: string) => workbench.page.locator('.monaco-list-row', { hasText: text });

  it('opens the Flexprice view from the activity bar, on its welcome view while the connection has no key', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="Flexprice"]').first().click();
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByText('This connection has no API key.').waitFor();
    await welcome.getByRole('button', { name: 'Set API Key' }).waitFor();
    await welcome.getByRole('button', { name: 'Switch Connection' }).waitFor();
    // Moved from the old setting, and named after its host until identification can say more.
    await connectionStatusItem(page).filter({ hasText: new URL(server.baseUrl).host }).waitFor();
    assert.equal(server.requests.count(), 0, 'no key, no request');
  });

  it('shows the tasks, grouped, once the key is set from the welcome view', async () => {
    const { page } = workbench;
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Set API Key' }).click();
    const input = page.locator('.quick-input-widget input[type=password]');
    await input.fill(KEY);
    await input.press('Enter');
    await row('Running (1)').waitFor();
    await row('Completed (1)').waitFor();
    const live = row('ui-live-events.csv');
    assert.match((await live.getAttribute('aria-label')) ?? '', /ui-live-events\.csv, PROCESSING, EVENTS/);
    assert.equal(await live.locator('.codicon-sync').count(), 1, 'a spinning icon while processing');
    await page.locator('.statusbar-item', { hasText: '1 running' }).waitFor();
    // With a key, identification renames the connection the extension named.
    await connectionStatusItem(page).filter({ hasText: 'Acme · Sandbox' }).waitFor();
  });

  it('turns a running task completed on screen by itself', async () => {
    const { page } = workbench;
    server.store.update(liveId, { task_status: 'COMPLETED', processed_records: 1200, successful_records: 1200, failed_records: 0 });
    await row('Completed (2)').waitFor();
    await row('ui-live-events.csv').locator('.codicon-pass').waitFor();
    assert.equal(await row('Running').count(), 0, 'the empty Running group is hidden');
    await page.locator('.notification-toast', { hasText: 'import of ui-live-events.csv completed' }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'running' }).waitFor({ state: 'hidden' });
  });
});
