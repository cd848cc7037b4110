import * as assert from 'node:assert/strict';
import { startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';
import { openWorkbench, type Workbench } from './workbench';

/*
 * The Scheduled Exports view as a person uses it: real VS Code (code-server) in real Chromium,
 * the extension under development, the local Flexprice server (runs a little quicker than a
 * real one). Nothing is stubbed: the inline Run Now, the range pick, the notification's button.
 */

const KEY = 'fp_schedules_ui_key_8b3f';

describe('Scheduled Exports view (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: LocalFlexpriceServer;
  let workbench: Workbench;

  before(async () => {
    server = await startFlexpriceServer({
      apiKey: KEY,
      seedTasks: false,
      scheduledExports: { schedules: 6, runDelayMs: 1_500, pendingMs: [300, 500], processingMs: [1_000, 1_500], failureRate: 0 },
    });
    workbench = await openWorkbench({
      settings: {
        'flexprice.apiUrl': server.baseUrl,
        'flexprice.refresh.minIntervalSeconds': 0.5,
        'flexprice.refresh.maxIntervalSeconds': 1,
      },
      env: { FLEXPRICE_API_KEY: KEY, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: undefined },
    });
  });

  afterEach(async function () {
    await workbench?.screenshotOnFailure(this.currentTest).catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  /** Wider, so the rows' descriptions fit, and nothing focused or hovered. */
  async function takeReadmePicture(file: string): Promise<void> {
    const { page } = workbench;
    const narrow = (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
    await workbench.runCommand('Flexprice: Focus on Scheduled Exports View');
    for (let step = 0; step < 4; step++) await workbench.runCommand('Increase Current View Size');
    await page.waitForFunction((width) => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) > width + 100, narrow);
    await page.mouse.click(900, 450);
    await page.screenshot({ path: file });
  }

  const schedulesView = () => workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Scheduled Exports' }) });
  const row = (text: string) => schedulesView().locator('.monaco-list-row', { hasText: text }).first();

  it('lists the schedules and shows a schedule\'s runs when expanded', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="Flexprice"]').first().click();
    const schedule = row('events · hourly');
    await schedule.waitFor();
    assert.equal(await schedulesView().locator('.monaco-list-row', { hasText: 'credit_topups' }).count(), 0, 'the deleted schedule is hidden');
    await schedule.click();
    const runs = schedulesView().locator('.monaco-list-row[aria-level="2"]');
    // Its past runs (the local server seeds three or more for each schedule), each an export row.
    await runs.nth(2).waitFor();
    assert.match((await runs.first().textContent()) ?? '', /^events · /);
    // The README's picture of the view: SCHEDULES_SCREENSHOT=docs/scheduled-exports.png.
    if (process.env.SCHEDULES_SCREENSHOT) await takeReadmePicture(process.env.SCHEDULES_SCREENSHOT);
  });

  it('runs it now from the inline action, follows the run to its end and opens the export in an editor', async () => {
    const { page } = workbench;
    const schedule = row('events · hourly');
    await schedule.hover();
    await schedule.locator('.action-label[aria-label="Run Now"]').click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Previous full interval' }).click();
    await schedulesView().locator('.monaco-list-row', { hasText: 'Starting…' }).first().waitFor();
    const posted = server.requests.last({ method: 'POST' });
    assert.match(posted?.path ?? '', /\/v1\/tasks\/scheduled\/schtask_[0-9A-Z]+\/run$/);

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'completed' }).first();
    await toast.waitFor({ timeout: 60_000 });
    assert.equal(await schedulesView().locator('.monaco-list-row', { hasText: 'Starting…' }).count(), 0, 'no longer starting');
    await toast.getByRole('button', { name: 'Open Export' }).click();
    // A read-only editor named after the file, holding its text: gunzipped when it was .csv.gz.
    await page.locator('.tabs-container .tab.active', { hasText: /\.csv$/ }).waitFor();
    const editor = page.locator('.editor-instance .view-lines', { hasText: ',' }).first();
    await editor.waitFor();
    assert.doesNotMatch((await editor.textContent()) ?? '', /\uFFFD/, 'text, not gzip bytes');
  });

  it('opens a run\'s panel from its row, whose From schedule link shows the schedule in the view', async () => {
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    const schedule = server.schedules.all().find((candidate) => candidate.entity_type === 'events' && candidate.interval === 'hourly')!;
    await schedulesView().locator('.monaco-list-row[aria-level="2"]').first().click();
    const frame = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    await frame.locator('#export-schedule', { hasText: schedule.id }).waitFor();
    // Away from the row first, so that the link is what selects it again.
    await row('usage_analytics · 15MIN').click();
    await frame.getByRole('button', { name: 'Show schedule' }).click();
    await schedulesView().locator('.monaco-list-row.selected', { hasText: 'events · hourly' }).waitFor();
  });
});
