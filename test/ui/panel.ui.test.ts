import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { parseErrorSummary } from '../../src/panel/errorSummary';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { connectionStatusItem } from './connectionFlow';
import { openWorkbench, type Workbench } from './workbench';

/*
 * "Flexprice: Get Task" and its panel as a person uses them: real VS Code (code-server) in real
 * Chromium, the extension under development, the local Flexprice server. Nothing is stubbed.
 */

const KEY = 'fp_panel_ui_key_2c8a';

describe('Get Task and the task panel (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;

  before(async () => {
    server = await startFlexpriceServer({ apiKey: KEY });
    // The key comes from the environment: FLEXPRICE_API_KEY is a connection, and the old apiUrl
    // setting is its URL, so these tests start with it in place.
    workbench = await openWorkbench({
      settings: { 'flexprice.apiUrl': server.baseUrl },
      env: { FLEXPRICE_API_KEY: KEY, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined },
    });
  });

  afterEach(async function () {
    // A picture of the workbench at the moment a test failed (test-results/ is not committed).
    await workbench?.screenshotOnFailure(this.currentTest).catch(() => undefined);
    await workbench?.page.keyboard.press('Escape').catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  async function runGetTask(): Promise<void> {
    const { page } = workbench;
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Flexprice: Get Task' }).first();
    // Right after start-up the palette may open before the extension's commands are known.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await input.fill('>Flexprice: Get Task');
      try {
        await row.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 6) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await row.click();
  }

  /** Types an ID into Get Task's input (or its recent-IDs picker) and waits for the panel. */
  async function lookUp(id: string, title: string): Promise<FrameLocator> {
    await runGetTask();
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill(id);
    await input.press('Enter');
    return panel(title);
  }

  /** The content of the active task panel; webviews nest the page in two iframes. */
  async function panel(title: string): Promise<FrameLocator> {
    const { page } = workbench;
    await page.locator('.tabs-container .tab.active', { hasText: title }).waitFor();
    const frame = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    await frame.locator('#task-id').waitFor();
    return frame;
  }

  it('looks a task up through the command palette and shows its ID, status, counts, entity type and errors', async () => {
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    const frame = await lookUp(`  "${task.id}"  `, String(task.file_name));
    assert.equal(await frame.locator('#task-id').textContent(), task.id);
    assert.equal((await frame.locator('#status').textContent())?.trim(), task.task_status);
    assert.equal(await frame.locator('#count-failed .tile-value').textContent(), task.failed_records?.toLocaleString('en-US'));
    assert.equal(await frame.locator('#count-successful .tile-value').textContent(), task.successful_records?.toLocaleString('en-US'));
    assert.ok((await frame.locator('#overview').textContent())?.includes(String(task.entity_type)));
    const entries = parseErrorSummary(task.error_summary);
    assert.equal(await frame.locator('#heading-errors').textContent(), `Errors (${entries.length.toLocaleString('en-US')})`);
    const messages = await frame.locator('#errors-body .message').allTextContents();
    assert.deepEqual(messages.slice(0, 3), entries.slice(0, 3).map((e) => e.message));
    // Read with the FLEXPRICE_API_KEY connection, the only one there is (no earlier settings were moved).
    await connectionStatusItem(workbench.page).filter({ hasText: 'FLEXPRICE_API_KEY' }).waitFor();
    assert.equal(await workbench.page.locator('.tabs-container .tab.active .label-name').textContent(), String(task.file_name), 'Sandbox is not marked');
    // The README's picture of the panel: PANEL_SCREENSHOT=docs/task-panel.png.
    if (process.env.PANEL_SCREENSHOT) await workbench.page.screenshot({ path: process.env.PANEL_SCREENSHOT });
  });

  it('offers the ID again as a recent one', async () => {
    await runGetTask();
    const recent = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: FIXTURE_IDS.completedWithErrors });
    await recent.waitFor();
    await workbench.page.keyboard.press('Escape');
  });

  it('shows a hostile error_summary as text and injects no element', async () => {
    const task = server.store.get(FIXTURE_IDS.hostile)!;
    const frame = await lookUp(task.id, String(task.file_name));
    const messages = await frame.locator('#errors-body .message').allTextContents();
    assert.deepEqual(messages, parseErrorSummary(task.error_summary).map((e) => e.message));
    assert.equal(await frame.locator('#app img, #app script, #app iframe').count(), 0);
    assert.equal(await frame.locator('#task-title').textContent(), task.file_name);
    assert.equal(await frame.locator('button[data-command="openFile"]').isDisabled(), true);
  });

  it('keeps a running task current by itself, and shows it COMPLETED when it finishes', async () => {
    const running = server.store.add({ task_type: 'IMPORT', entity_type: 'CUSTOMERS', task_status: 'PROCESSING', file_name: 'ui-live-customers.csv' });
    const frame = await lookUp(running.id, 'ui-live-customers.csv');
    assert.equal((await frame.locator('#status').textContent())?.trim(), 'PROCESSING');
    await frame.locator('.progress.indeterminate').waitFor();
    server.store.update(running.id, { task_status: 'COMPLETED', processed_records: 75, successful_records: 75, failed_records: 0 });
    await frame.locator('#status', { hasText: 'COMPLETED' }).waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#count-processed .tile-value').textContent(), '75');
  });

  it('Open File on an s3:// export opens the download link in a new page', async () => {
    const { page } = workbench;
    const task = server.store.get(FIXTURE_IDS.completedExportS3)!;
    const frame = await lookUp(task.id, task.file_name ?? 'Task');
    server.requests.clear();
    const popup = page.context().waitForEvent('page');
    await frame.locator('button[data-command="openFile"]').click();
    // VS Code may ask before opening an external site (local hosts are trusted): then say Open.
    const dialog = page.locator('.monaco-dialog-box');
    const confirmIfAsked = dialog
      .waitFor({ timeout: 60_000 })
      .then(() => dialog.getByRole('button', { name: 'Open', exact: true }).click())
      .catch(() => undefined);
    const opened = await Promise.race([popup, confirmIfAsked.then(() => popup)]);
    await opened.waitForLoadState('domcontentloaded').catch(() => undefined);
    // code-server sends links to 127.0.0.1 through its own port proxy (/proxy/PORT/), and drops
    // their path on the way; a real presigned link (https, on a storage host) opens unchanged.
    // The exact link handed to openExternal is checked by the integration test.
    const port = new URL(server.origin).port;
    const url = opened.url();
    assert.ok(url.startsWith(`${server.origin}/files/`) || new RegExp(`/proxy/${port}/`).test(url), url);
    assert.equal(server.requests.count({ path: `/v1/tasks/${task.id}/download` }), 1);
    const outside = server.requests.filter().filter((request) => !request.path.startsWith('/v1/'));
    assert.ok(outside.every((request) => request.headers['x-api-key'] === undefined), 'the key never goes to the file host');
  });

  it('restores open panels after a window reload, fetching each task again', async () => {
    const { page } = workbench;
    const task = server.store.get(FIXTURE_IDS.completedWithErrors)!;
    await lookUp(task.id, String(task.file_name));
    server.requests.clear();
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Every panel comes back; which tab is active depends on when the workbench last saved its
    // layout, so pick ours by its title.
    await page.locator('.tabs-container .tab', { hasText: String(task.file_name) }).click();
    const frame = await panel(String(task.file_name));
    assert.equal(await frame.locator('#task-id').textContent(), task.id);
    assert.ok(server.requests.count({ path: `/v1/tasks/${task.id}` }) >= 1, 'the restored panel asked for the task again');
  });
});
