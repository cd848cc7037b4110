import type { Page } from 'playwright-core';

/*
 * What the bench sees in the workbench page, timed in the page itself (Date.now, the same
 * machine clock as the extension host's marks and the local server's log):
 * - the person's input: the first mousedown, or Enter key-down, after the watch is set;
 * - the first tree row whose aria-label matches a pattern (a task row, or one given task);
 * - the kept page's mark ("As of 10:42 — refreshing…"): when it showed, whether it was there
 *   when that first row came (so the row came from the kept page), and when it went (the live
 *   answer replaced the kept rows).
 * A MutationObserver set before the input, so no arrival depends on polling.
 */

const STEP_LIMIT_MS = 90_000;
/** Quiet time after the workbench reports its last start-up phase, before the view is opened. */
export const SETTLE_MS = 1_000;
/** A task row's accessible label is "<file or id>, <STATUS>, <description>" (src/tree/taskNode.ts). */
export const ANY_TASK_ROW = /, (PENDING|PROCESSING|COMPLETED|FAILED|unknown status), /.source;

export interface RowWatch {
  /** mousedown or Enter key-down, the first after the watch was set. */
  inputAt?: number;
  firstRowAt?: number;
  /** The kept page's mark was in the tree when the first matching row came. */
  keptAtFirstRow?: boolean;
  keptShownAt?: number;
  keptGoneAt?: number;
  /** The tree's first rows (aria-labels) when the first matching row came: what was on screen. */
  rowsAtFirstRow?: string[];
  /** Each change in what the tree shows until the watch ends: ms after the input (or the watch), rows, whether the kept mark is there. */
  timeline?: { ms: number; rows: number; taskRows: number; kept: boolean }[];
}

type WatchWindow = { flexpriceRowWatch?: RowWatch & { done?: boolean } };

/** Sets a fresh watch (replacing any earlier one) for rows whose aria-label matches `labelSource`. */
export async function watchRows(page: Page, labelSource: string): Promise<void> {
  await page.evaluate((source) => {
    const label = new RegExp(source);
    const state: RowWatch & { done?: boolean } = { timeline: [] };
    const setAt = Date.now();
    let shown = '';
    (window as unknown as WatchWindow).flexpriceRowWatch = state;
    const onInput = (event: Event) => {
      if (state.inputAt !== undefined) return;
      if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter') return;
      state.inputAt = Date.now();
    };
    window.addEventListener('mousedown', onInput, { capture: true });
    window.addEventListener('keydown', onInput, { capture: true });
    const observer = new MutationObserver(() => {
      const now = Date.now();
      const rows = Array.from(document.querySelectorAll('.monaco-list-row'));
      const kept = rows.some((row) => /^\s*As of /.test(row.querySelector('.label-name')?.textContent ?? ''));
      const taskRows = rows.filter((row) => label.test(row.getAttribute('aria-label') ?? '')).length;
      const summary = `${rows.length}/${taskRows}/${kept}`;
      if (summary !== shown) {
        shown = summary;
        state.timeline!.push({ ms: now - (state.inputAt ?? setAt), rows: rows.length, taskRows, kept });
      }
      if (kept && state.keptShownAt === undefined) state.keptShownAt = now;
      if (!kept && state.keptShownAt !== undefined && state.keptGoneAt === undefined) state.keptGoneAt = now;
      if (state.firstRowAt === undefined && taskRows > 0) {
        state.firstRowAt = now;
        state.keptAtFirstRow = kept;
        state.rowsAtFirstRow = rows.slice(0, 4).map((row) => row.getAttribute('aria-label') ?? row.textContent ?? '');
      }
      if (state.firstRowAt !== undefined && (!state.keptAtFirstRow || state.keptGoneAt !== undefined)) {
        state.done = true;
        observer.disconnect();
        window.removeEventListener('mousedown', onInput, { capture: true });
        window.removeEventListener('keydown', onInput, { capture: true });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
  }, labelSource);
}

/**
 * Waits for the first matching row and, when it came from a kept page, for the live answer to
 * replace it (up to `liveLimitMs`; a kept page never replaced leaves keptGoneAt unset).
 */
export async function rowWatchResult(page: Page, liveLimitMs = 30_000): Promise<RowWatch> {
  const read = () => page.evaluate(() => ({ ...(window as unknown as WatchWindow).flexpriceRowWatch }));
  await page.waitForFunction(() => (window as unknown as WatchWindow).flexpriceRowWatch?.firstRowAt !== undefined, undefined, { timeout: STEP_LIMIT_MS, polling: 50 });
  await page.waitForFunction(() => (window as unknown as WatchWindow).flexpriceRowWatch?.done === true, undefined, { timeout: liveLimitMs, polling: 50 }).catch(() => undefined);
  const { done: _done, ...watch } = (await read()) as RowWatch & { done?: boolean };
  return watch;
}

/** Waits until the workbench has finished starting (its last lifecycle phase) and then a little more. */
export async function waitForSettledWorkbench(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('code/LifecyclePhase/Eventually').length > 0, undefined, { timeout: STEP_LIMIT_MS });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** The Flexprice icon in the activity bar, once the workbench shows it. */
export async function flexpriceIcon(page: Page) {
  const icon = page.locator('.activitybar [aria-label^="Flexprice"]').first();
  await icon.waitFor({ timeout: STEP_LIMIT_MS });
  return icon;
}

/** The settled workbench, then a click on the Flexprice icon; resolves with what the watch saw (its inputAt is the click). */
export async function openViewAndWatch(page: Page, labelSource: string): Promise<RowWatch & { clickedAt: number }> {
  const icon = await flexpriceIcon(page);
  await waitForSettledWorkbench(page);
  await watchRows(page, labelSource);
  const before = Date.now();
  await icon.click();
  const watch = await rowWatchResult(page);
  return { ...watch, clickedAt: watch.inputAt ?? before };
}
