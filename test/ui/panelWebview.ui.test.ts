import * as assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FlexpriceClient } from '../../src/api/flexpriceClient';
import type { Task } from '../../src/api/taskSchema';
import { filterErrorEntries, parseErrorSummary } from '../../src/panel/errorSummary';
import { buildTimeView } from '../../src/panel/taskTimeView';
import { buildTaskView, type TaskView } from '../../src/panel/taskViewModel';
import type { ConnectionBadge } from '../../src/webview/protocol/taskView';
import { servePanelPage, type PanelPageServer } from '../host/panelPageServer';
import { FIXTURE_IDS, startFlexpriceServer, type LocalFlexpriceServer } from '../server/flexpriceServer';

/*
 * The panel's page (src/webview as bundled into dist/webview/panel.js, and panel.css) in real
 * Chromium, under the CSP the extension sets, fed the same messages the extension posts, built
 * from tasks fetched from the local Flexprice server. `acquireVsCodeApi` is the only stand-in: it records what the page sends.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** VS Code sets these in every webview; for a screenshot outside VS Code, Dark Modern's values. */
function applyDarkTheme(): void {
  const theme: Record<string, string> = {
    '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-font-size': '13px', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc', '--vscode-input-border': '#3c3c3c',
    '--vscode-panel-border': '#2b2b2b', '--vscode-widget-border': '#313131', '--vscode-sideBar-background': '#181818',
    '--vscode-progressBar-background': '#0078d4', '--vscode-errorForeground': '#f85149', '--vscode-testing-iconPassed': '#73c991',
    '--vscode-testing-iconFailed': '#f14c4c', '--vscode-focusBorder': '#0078d4', '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8', '--vscode-editorWidget-border': '#2b2b2b',
  };
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
    document.body.style.background = theme['--vscode-editor-background']!;
  });
}

/** The text of the error row at the top of the table's visible part: where the reader is. */
function topRow(): string | undefined {
  const table = document.getElementById('errors-table')!;
  const box = table.getBoundingClientRect();
  const head = table.querySelector('.errors-head')!.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, head.bottom + 4);
  return hit?.closest('#errors-body .error-row')?.textContent ?? undefined;
}

describe('task panel page (Chromium)', function () {
  this.timeout(60_000);
  let flexprice: LocalFlexpriceServer;
  let client: FlexpriceClient;
  let assets: PanelPageServer;
  let browser: Browser;
  let page: Page;
  let cspViolations: string[];

  before(async () => {
    flexprice = await startFlexpriceServer();
    client = new FlexpriceClient({ apiUrl: flexprice.baseUrl, apiKey: flexprice.apiKey, timeoutMs: 10_000, environmentId: undefined, userAgent: 'ui-test' });
    assets = await servePanelPage();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    await assets?.close();
    await flexprice?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    cspViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { sent: unknown[]; savedState: unknown; acquireVsCodeApi: () => unknown };
      w.sent = [];
      w.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => w.sent.push(message),
        getState: () => w.savedState,
        setState: (state: unknown) => void (w.savedState = state),
      });
    });
    if (process.env.PANEL_SCREENSHOT) await page.addInitScript(applyDarkTheme);
    await page.goto(assets.url);
  });

  afterEach(async () => {
    await page.close();
  });

  async function showTask(id: string): Promise<Task> {
    const task = await client.getTask(id);
    const view = buildTaskView(task, { now: new Date(), live: false });
    await page.evaluate((message) => window.postMessage(message, '*'), { type: 'task', view });
    await page.waitForSelector('#task-id');
    await waitForAllRows();
    return task;
  }

  /** Error rows arrive in chunks, one per frame; waits until the last has landed. */
  async function waitForAllRows(): Promise<void> {
    await page.waitForFunction(() => document.getElementById('errors-body')?.getAttribute('data-complete') !== 'false');
  }

  const sent = () => page.evaluate(() => (window as unknown as { sent: unknown[] }).sent);

  const entriesShown = (count: number) =>
    page.waitForFunction((n) => document.getElementById('heading-errors')?.getAttribute('data-count') === n, String(count));

  /**
   * Scrolls the error table and answers where it ended up, once two frames have been painted there:
   * rows seen for the first time take their real height then (content-visibility), which moves it a little.
   */
  const scrollTable = (top: number) =>
    page.evaluate(async (to) => {
      const table = document.getElementById('errors-table')!;
      table.scrollTop = to;
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return table.scrollTop;
    }, top);

  /** The top row of the table's visible part in each of the frames painted while `action` runs (and a few after). */
  async function sampleTopRowEachFrame(action: () => Promise<unknown>): Promise<(string | undefined)[]> {
    await page.evaluate(`window.topRow = ${topRow}`);
    await page.evaluate(() => {
      const w = window as unknown as { frames: unknown[]; sampling: boolean; topRow: () => string };
      w.frames = [];
      w.sampling = true;
      const sample = () => {
        w.frames.push(w.topRow());
        if (w.sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await action();
    const framesSoFar = await page.evaluate(() => (window as unknown as { frames: unknown[] }).frames.length);
    await page.waitForFunction((n) => (window as unknown as { frames: unknown[] }).frames.length >= n + 5, framesSoFar);
    return page.evaluate(() => {
      const w = window as unknown as { frames: (string | undefined)[]; sampling: boolean };
      w.sampling = false;
      return w.frames;
    });
  }

  /** Posts a newer copy of the task, as a live update does, and waits until its rows are in. */
  async function postUpdate(patch: Partial<Task> & { id: string }, landed: (view: TaskView) => Promise<unknown>): Promise<void> {
    const view = buildTaskView({ ...patch, updated_at: new Date().toISOString() }, { now: new Date(), live: true });
    await page.evaluate((message) => window.postMessage(message, '*'), { type: 'task', view });
    await landed(view);
    await waitForAllRows();
  }

  it('says it is ready first, then shows ID, status, counts and entity type as sent', async () => {
    assert.deepEqual(await sent(), [{ type: 'ready', taskId: null }]);
    const task = await showTask(FIXTURE_IDS.completedWithErrors);
    assert.equal(await page.textContent('#task-id'), task.id);
    assert.equal((await page.textContent('#status'))?.trim(), task.task_status);
    assert.equal(await page.textContent('#count-failed .tile-value'), task.failed_records?.toLocaleString('en-US'));
    assert.equal(await page.textContent('#count-processed .tile-value'), task.processed_records?.toLocaleString('en-US'));
    assert.ok((await page.textContent('#overview'))?.includes(String(task.entity_type)));
    const entries = parseErrorSummary(task.error_summary);
    assert.equal(await page.getAttribute('#heading-errors', 'data-count'), String(entries.length));
    assert.equal(await page.locator('#errors-body .error-row').count(), entries.length);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { savedState: unknown }).savedState), { taskId: task.id, filter: '' });
    assert.deepEqual(cspViolations, []);
  });

  it('shows a hostile error_summary, file name and file URL as text, and injects nothing', async () => {
    const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe, svg, a, object').length);
    const task = await showTask(FIXTURE_IDS.hostile);
    const body = await page.textContent('body');
    for (const entry of parseErrorSummary(task.error_summary)) assert.ok(body?.includes(entry.message), `missing ${entry.message}`);
    assert.equal(await page.textContent('#task-title'), buildTaskView(task, { now: new Date(), live: false }).title);
    const after = await page.evaluate(() => document.querySelectorAll('img, script, iframe, svg, a, object').length);
    assert.equal(after, before, 'no element was created from server text');
    assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => /pwn|xss|hacked/i.test(k)).length), 0);
    assert.equal(await page.isDisabled('button[data-command="openFile"]'), true, 'a javascript: file URL cannot be opened');
    assert.deepEqual(cspViolations, []);
  });

  it('renders 1,000 error entries in chunks and filters them as you type', async () => {
    const task = await showTask(FIXTURE_IDS.thousandErrors);
    const entries = parseErrorSummary(task.error_summary);
    assert.equal(entries.length, 1000);
    await waitForAllRows();
    assert.equal(await page.locator('#errors-body .error-row').count(), 1000);
    const query = 'customer';
    await page.locator('#errors-filter').pressSequentially(query);
    const expected = filterErrorEntries(entries, query).length;
    assert.ok(expected > 0 && expected < 1000);
    await waitForAllRows();
    assert.equal(await page.locator('#errors-body .error-row').count(), expected);
    const shownTexts = await page.locator('#errors-body .message').allTextContents();
    assert.deepEqual(shownTexts, filterErrorEntries(entries, query).map((e) => e.message));
    assert.equal(await page.textContent('#errors-shown'), `Showing ${expected.toLocaleString('en-US')} of 1,000`);

    await page.locator('button[data-command="copyErrors"]').click();
    assert.deepEqual((await sent()).at(-1), { type: 'copyErrors', taskId: task.id, filter: query });
    await page.locator('button[data-command="saveErrors"]').click();
    assert.deepEqual((await sent()).at(-1), { type: 'saveErrors', taskId: task.id, filter: query });

    await page.locator('#errors-filter').press('Escape');
    await waitForAllRows();
    assert.equal(await page.locator('#errors-body .error-row').count(), 1000);

    if (process.env.PANEL_SCREENSHOT) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: process.env.PANEL_SCREENSHOT, fullPage: false });
    }
    assert.deepEqual(cspViolations, []);
  });

  it('shows exactly the matching rows after filters that narrow, widen and change mid-render', async () => {
    const task = await showTask(FIXTURE_IDS.thousandErrors);
    const entries = parseErrorSummary(task.error_summary);
    const shown = () => page.locator('#errors-body .message').allTextContents();
    const expected = (query: string) => filterErrorEntries(entries, query).map((entry) => entry.message);
    const typeAtOnce = (queries: string[]) =>
      page.evaluate((texts) => {
        const input = document.getElementById('errors-filter') as HTMLInputElement;
        for (const text of texts) {
          input.value = text;
          input.dispatchEvent(new Event('input'));
        }
      }, queries);
    // Narrowing a complete table only removes rows; widening it again rebuilds it.
    for (const query of ['cust', 'customer', 'cust', 'record 1', 'record 12', 'record 1']) {
      await typeAtOnce([query]);
      await waitForAllRows();
      assert.deepEqual(await shown(), expected(query), `after "${query}"`);
    }
    // Within one task: back to everything (whose later chunks are still pending), then a new query.
    await typeAtOnce(['c', 'cu', 'c', '', 'record 1']);
    await waitForAllRows();
    assert.deepEqual(await shown(), expected('record 1'));
    await typeAtOnce(['', 'record 1', '']);
    await waitForAllRows();
    assert.equal((await shown()).length, 1000);
    assert.equal(await page.textContent('#errors-shown'), '1,000 entries');
  });

  it('counts a single error entry as "1 entry"', async () => {
    const one = flexprice.store.add({ task_type: 'IMPORT', entity_type: 'EVENTS', task_status: 'FAILED', error_summary: 'Record 3: customer not found', failed_records: 1 });
    await showTask(one.id);
    assert.equal(await page.textContent('#errors-shown'), '1 entry');
  });

  it('sends actions for its own task only, and explains disabled ones', async () => {
    const unfinished = flexprice.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'PROCESSING', file_url: 's3://exports/invoice.csv' });
    const task = await showTask(unfinished.id);
    await page.locator('button[data-command="copyId"]').first().click();
    await page.locator('button[data-command="refresh"]').click();
    assert.deepEqual((await sent()).slice(-2), [
      { type: 'copyId', taskId: task.id },
      { type: 'refresh', taskId: task.id },
    ]);
    assert.equal(await page.isDisabled('button[data-command="openFile"]'), true);
    assert.equal(await page.textContent('#reason-openFile'), 'The export has not finished yet.');
  });

  it('a restored panel whose fetch failed shows the problem with a Retry that asks the host to fetch again', async () => {
    const id = FIXTURE_IDS.completedImport;
    const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
    await post({ type: 'loading', taskId: id });
    await post({ type: 'problem', message: 'The Flexprice server answered 503.', retryable: true });
    await page.waitForSelector('#problem-text');
    assert.equal(await page.textContent('#problem-text'), 'The Flexprice server answered 503.');
    assert.equal(await page.textContent('.placeholder'), `Could not load task ${id}.`);
    await page.locator('button[data-command="refresh"]').click();
    assert.deepEqual((await sent()).at(-1), { type: 'refresh', taskId: id });
    await post({ type: 'loading', taskId: id });
    // window.postMessage is delivered in a later task: wait for the page to have handled it.
    await page.waitForFunction((text) => document.querySelector('.placeholder')?.textContent === text, `Loading task ${id}…`, { timeout: 5_000 }).catch(() => undefined);
    assert.equal(await page.textContent('.placeholder'), `Loading task ${id}…`);
    assert.equal(await page.locator('#problem-text').count(), 0);
    assert.deepEqual(cspViolations, []);
  });

  it('a live update keeps the error table scrolled, the filter text and a selection where they were', async () => {
    const task = await showTask(FIXTURE_IDS.thousandErrors);
    const query = 'record';
    await page.locator('#errors-filter').fill(query);
    await waitForAllRows();
    await scrollTable(400);
    const place = await page.evaluate(() => {
      const table = document.getElementById('errors-table')!;
      const message = document.querySelectorAll('#errors-body .message')[12]!;
      const range = document.createRange();
      range.selectNodeContents(message);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return { scrollTop: table.scrollTop, selected: String(getSelection()) };
    });
    assert.ok(place.scrollTop > 0 && place.selected, JSON.stringify(place));

    await postUpdate({ ...task, processed_records: (task.processed_records ?? 0) + 1 }, (view) =>
      page.waitForFunction((text) => document.querySelector('#count-processed .tile-value')?.textContent === text, view.records.processed),
    );

    const after = await page.evaluate(() => ({
      scrollTop: document.getElementById('errors-table')!.scrollTop,
      filter: (document.getElementById('errors-filter') as HTMLInputElement).value,
      selected: String(getSelection()),
    }));
    assert.deepEqual(after, { scrollTop: place.scrollTop, filter: query, selected: place.selected });
    assert.equal(await page.locator('.live').count(), 1, 'the update itself was applied');
    assert.deepEqual(cspViolations, []);
  });

  it('a live update that adds error entries keeps the error table scrolled and the filter text', async () => {
    const task = await showTask(FIXTURE_IDS.thousandErrors);
    const query = 'record';
    await page.locator('#errors-filter').fill(query);
    await waitForAllRows();
    const scrollTop = await scrollTable(2000);
    assert.ok(scrollTop > 1000, `scrolled to ${scrollTop}`);

    const before = await page.evaluate(topRow);
    assert.match(before ?? '', /^Record/);

    const frames = await sampleTopRowEachFrame(() =>
      postUpdate({ ...task, error_summary: `${task.error_summary}; Record 999: added later` }, () => entriesShown(1001)),
    );
    assert.deepEqual(frames.filter((row) => row !== before), [], 'no frame showed another row at the top');
    const after = await page.evaluate(() => ({
      filter: (document.getElementById('errors-filter') as HTMLInputElement).value,
      last: Array.from(document.querySelectorAll('#errors-body .message')).at(-1)?.textContent,
    }));
    assert.deepEqual(after, { filter: query, last: 'added later' });
  });

  it('an update that adds the first Record entry, and so a note above the table, keeps the table where it was', async () => {
    const chunks = Array.from({ length: 300 }, (_, i) => `Chunk ${i}: timed out`).join('; ');
    const stored = flexprice.store.add({ task_type: 'IMPORT', task_status: 'PROCESSING', error_summary: chunks });
    const task = await showTask(stored.id);
    const scrollTop = await scrollTable(1500);
    assert.ok(scrollTop > 1000, `scrolled to ${scrollTop}`);
    const before = await page.evaluate(topRow);
    await postUpdate({ ...task, error_summary: `${chunks}; Record 4: bad amount` }, () => entriesShown(301));
    assert.equal(await page.evaluate(topRow), before);
  });

  it('shows a "Final chunk" entry with its kind and number, like a Chunk row', async () => {
    const failed = flexprice.store.add({ task_type: 'IMPORT', task_status: 'FAILED', error_summary: 'Chunk 1: slow; Final chunk 2: gave up' });
    await showTask(failed.id);
    const cells = (row: number) => page.locator('#errors-body .error-row').nth(row).locator('[role="cell"]').allTextContents();
    assert.deepEqual(await cells(0), ['Chunk', '1', 'slow']);
    assert.deepEqual(await cells(1), ['Final chunk', '2', 'gave up']);
  });

  it('patches in the times the host recomputes, and the banner of a task that has just stalled, keeping the page', async () => {
    const stored = flexprice.store.add({ task_type: 'EXPORT', entity_type: 'invoice', task_status: 'PROCESSING', error_summary: 'Chunk 1: slow' });
    const task = await client.getTask(stored.id);
    const updated = Date.parse(task.updated_at!);
    const at = (minutes: number) => new Date(updated + minutes * 60_000);
    const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
    await post({ type: 'task', view: buildTaskView(task, { now: at(59), fetchedAt: at(59), live: true }) });
    await page.waitForSelector('#task-id');
    assert.equal(await page.isVisible('#stalled'), false);
    assert.equal((await page.textContent('.live'))?.trim(), 'Live');
    // Marks on nodes that a rebuilt page would not have.
    await page.evaluate(() => {
      for (const selector of ['#task-id', '#errors-body .error-row']) (document.querySelector(selector) as unknown as { kept: boolean }).kept = true;
    });

    const times = buildTimeView(task, { now: at(61), fetchedAt: at(59), live: true });
    await post({ type: 'times', taskId: 'task_another', view: { ...times, stalled: 'not this panel' } });
    await post({ type: 'times', taskId: task.id, view: times });
    await page.waitForSelector('#stalled', { state: 'visible' });
    assert.equal(await page.textContent('#stalled'), times.stalled);
    assert.match(times.stalled ?? '', /^Stalled — no update for 1 h\. Flexprice stops an export's workflow after 60 minutes/);
    assert.equal((await page.textContent('.live'))?.trim(), 'Checked every 10 min');
    assert.equal(await page.textContent('#fetched'), times.updatedLabel);
    assert.match(times.updatedLabel, /\(2 min ago\)$/);
    const updatedRow = page.locator('#times tr', { hasText: 'Updated' }).locator('td').nth(1);
    assert.equal(await updatedRow.textContent(), '1 h ago');
    assert.deepEqual(
      await page.evaluate(() => ['#task-id', '#errors-body .error-row'].map((selector) => (document.querySelector(selector) as unknown as { kept?: boolean }).kept)),
      [true, true],
      'patched in place, not rebuilt',
    );

    // News arrives: the banner goes, and the panel is live again.
    const news = { ...task, processed_records: 5, updated_at: at(62).toISOString() };
    await post({ type: 'task', view: buildTaskView(news, { now: at(62), fetchedAt: at(62), live: true }) });
    await page.waitForSelector('#stalled', { state: 'hidden' });
    assert.equal((await page.textContent('.live'))?.trim(), 'Live');
    assert.deepEqual(cspViolations, []);
  });

  it('ignores, and logs, a message that is not what the host sends, keeping the page as it was', async () => {
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    const task = await showTask(FIXTURE_IDS.completedWithErrors);
    const view = buildTaskView(task, { now: new Date(), live: false });
    const before = await page.innerHTML('#app');
    const post = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
    await post({ type: 'task', view: { ...view, id: 'task_other', errors: { entries: [{ kind: 'Record', message: 1 }] } } });
    await post({ type: 'task', view: { ...view, title: ['<img src=x onerror=alert(1)>'] } });
    await post({ type: 'problem', message: { toString: 'x' }, retryable: true });
    await post({ type: 'times', taskId: task.id, view: { times: 'now' } });
    await post('task');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal(await page.innerHTML('#app'), before);
    assert.equal(warnings.filter((text) => /ignored a malformed message/.test(text)).length, 5, warnings.join('\n'));
    assert.deepEqual(cspViolations, []);
  });

  it('says plainly when a FAILED task has no error summary', async () => {
    await showTask(FIXTURE_IDS.failedNoSummary);
    assert.match((await page.textContent('#errors-note')) ?? '', /failed without an error summary/);
  });

  describe('the connection in the header', () => {
    const PRODUCTION: ConnectionBadge = { id: 'conn_acme_prod', name: 'Acme · Production', production: true, active: true };
    const SANDBOX: ConnectionBadge = { id: 'conn_acme_sandbox', name: 'Acme · Sandbox', production: false, active: true };
    const savedState = () => page.evaluate(() => (window as unknown as { savedState: unknown }).savedState);

    /** Posts the task as the host does for a panel bound to `connection` (none: a single connection), and waits until it shows. */
    async function showWith(task: Task, connection: ConnectionBadge | undefined): Promise<void> {
      const built = buildTaskView(task, { now: new Date(), live: connection?.active ?? true });
      const view: TaskView = connection ? { ...built, connection } : built;
      await page.evaluate((message) => window.postMessage(message, '*'), { type: 'task', view });
      await page.waitForFunction((id) => (document.getElementById('connection')?.getAttribute('data-connection-id') ?? undefined) === id, connection?.id);
    }

    it('marks a Production connection with an unmistakable badge, in the theme’s warning colours, and saves its ID', async () => {
      const task = await client.getTask(FIXTURE_IDS.completedWithErrors);
      await page.evaluate(() => {
        document.documentElement.style.setProperty('--vscode-statusBarItem-warningBackground', 'rgb(201, 102, 3)');
        document.documentElement.style.setProperty('--vscode-statusBarItem-warningForeground', 'rgb(255, 255, 255)');
      });
      await showWith(task, PRODUCTION);
      assert.equal(await page.isVisible('#connection'), true);
      assert.equal(await page.textContent('#connection .connection-name'), 'Acme · Production');
      const badge = page.locator('#connection .production-badge');
      assert.equal(await badge.count(), 1);
      assert.equal(await badge.isVisible(), true);
      assert.equal((await badge.textContent())?.trim(), 'Production');
      assert.equal(await badge.getAttribute('aria-label'), 'Production environment: Acme · Production');
      assert.equal(await badge.locator('.codicon-flame').count(), 1);
      const colours = await badge.evaluate((node) => ({ background: getComputedStyle(node).backgroundColor, color: getComputedStyle(node).color }));
      assert.deepEqual(colours, { background: 'rgb(201, 102, 3)', color: 'rgb(255, 255, 255)' });
      assert.equal(await page.locator('.connection-inactive').count(), 0, 'the active connection has no note');
      assert.deepEqual(await savedState(), { taskId: task.id, connectionId: PRODUCTION.id, filter: '' });
      assert.deepEqual(cspViolations, []);
    });

    it('shows a Sandbox connection by its name only, with no badge', async () => {
      const task = await client.getTask(FIXTURE_IDS.completedImport);
      await showWith(task, SANDBOX);
      assert.equal(await page.isVisible('#connection'), true);
      assert.equal(await page.textContent('#connection .connection-name'), 'Acme · Sandbox');
      assert.equal(await page.locator('.production-badge').count(), 0);
      assert.equal(await page.locator('.connection-inactive').count(), 0);
      assert.doesNotMatch((await page.textContent('#connection')) ?? '', /Production/);
      assert.deepEqual(await savedState(), { taskId: task.id, connectionId: SANDBOX.id, filter: '' });
    });

    it('says so when the panel’s connection is not the active one', async () => {
      const task = await client.getTask(FIXTURE_IDS.completedImport);
      await showWith(task, { ...SANDBOX, active: false });
      const note = page.locator('#connection .connection-inactive');
      assert.equal(await note.isVisible(), true);
      assert.equal((await note.textContent())?.trim(), "Not the active connection — refreshes use this connection's key; not refreshed live.");
      assert.equal(await page.locator('.production-badge').count(), 0);
    });

    it('shows a connection name as text, whatever it holds', async () => {
      const task = await client.getTask(FIXTURE_IDS.completedImport);
      const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe, svg, a, object').length);
      await showWith(task, { ...PRODUCTION, name: '<img src=x onerror="window.pwned=1">' });
      assert.equal(await page.textContent('.connection-name'), '<img src=x onerror="window.pwned=1">');
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, script, iframe, svg, a, object').length), before);
      assert.deepEqual(cspViolations, []);
    });

    it('patches the header as the connection changes (inactive, then Sandbox, then none), keeping the rest of the page', async () => {
      const task = await client.getTask(FIXTURE_IDS.completedWithErrors);
      await showWith(task, PRODUCTION);
      await page.evaluate(() => {
        for (const selector of ['#task-id', '#errors-body .error-row', 'button[data-command="refresh"]', '#connection .connection-name']) {
          (document.querySelector(selector) as unknown as { kept: boolean }).kept = true;
        }
      });
      const header = () =>
        page.evaluate(() => ({
          name: document.querySelector('#connection .connection-name')?.textContent,
          badge: document.querySelectorAll('#connection .production-badge').length,
          note: document.querySelectorAll('#connection .connection-inactive').length,
          hidden: document.getElementById('connection')!.hidden,
        }));

      await showWith(task, { ...PRODUCTION, active: false });
      assert.deepEqual(await header(), { name: 'Acme · Production', badge: 1, note: 1, hidden: false });
      assert.deepEqual(await savedState(), { taskId: task.id, connectionId: PRODUCTION.id, filter: '' });

      await showWith(task, { ...PRODUCTION, active: true });
      assert.deepEqual(await header(), { name: 'Acme · Production', badge: 1, note: 0, hidden: false });

      await showWith(task, { ...SANDBOX, active: false });
      assert.deepEqual(await header(), { name: 'Acme · Sandbox', badge: 0, note: 1, hidden: false });
      assert.equal((await page.textContent('.connection-inactive'))?.trim(), "Not the active connection — refreshes use this connection's key; not refreshed live.");
      assert.deepEqual(await savedState(), { taskId: task.id, connectionId: SANDBOX.id, filter: '' });

      await showWith(task, undefined);
      assert.deepEqual(await header(), { name: undefined, badge: 0, note: 0, hidden: true });
      assert.equal(await page.isVisible('#connection'), false);
      assert.deepEqual(await savedState(), { taskId: task.id, filter: '' });

      await showWith(task, PRODUCTION);
      assert.deepEqual(await header(), { name: 'Acme · Production', badge: 1, note: 0, hidden: false });
      assert.deepEqual(
        await page.evaluate(() =>
          ['#task-id', '#errors-body .error-row', 'button[data-command="refresh"]'].map((selector) => (document.querySelector(selector) as unknown as { kept?: boolean }).kept),
        ),
        [true, true, true],
        'patched in place, not rebuilt',
      );
      assert.deepEqual(cspViolations, []);
    });

    it('a reloaded page keeps the connection ID it saved until its task arrives, and drops one it cannot use', async () => {
      const id = FIXTURE_IDS.completedImport;
      const reloadWith = async (state: unknown) => {
        await page.addInitScript((saved) => void ((window as unknown as { savedState: unknown }).savedState = saved), state);
        await page.reload();
        await page.waitForFunction(() => (window as unknown as { sent: unknown[] }).sent.length > 0);
        // Messages from one window arrive in order: once the marker is in, the page has handled 'loading'.
        await page.evaluate(
          (taskId) =>
            new Promise<void>((resolve) => {
              const onMessage = (event: MessageEvent) => {
                if (event.data !== 'flushed') return;
                removeEventListener('message', onMessage);
                resolve();
              };
              addEventListener('message', onMessage);
              window.postMessage({ type: 'loading', taskId }, '*');
              window.postMessage('flushed', '*');
            }),
          id,
        );
        return savedState();
      };
      assert.deepEqual(await reloadWith({ taskId: id, connectionId: PRODUCTION.id, filter: 'x' }), { taskId: id, connectionId: PRODUCTION.id, filter: 'x' });
      assert.deepEqual(await sent(), [{ type: 'ready', taskId: id }]);
      assert.deepEqual(await reloadWith({ taskId: id, connectionId: 'c'.repeat(201), filter: '' }), { taskId: id, filter: '' });
      assert.deepEqual(await reloadWith({ taskId: id, connectionId: 42, filter: '' }), { taskId: id, filter: '' });
    });
  });
});
