import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../../test/host/codeServer';
import { PROJECT_ROOT } from '../../test/host/projectRoot';
import { remoteUri, workbenchUrl } from '../../test/host/workbenchUrl';
import { startFlexpriceServer, type LocalFlexpriceServer, type LoggedRequest } from '../../test/server/flexpriceServer';
import { PROBE_ENV, probeFiles, type ProbeMode, type ProbeResult } from './probeProtocol';

/*
 * One fresh host launch: a new local Flexprice server (40 seeded tasks), a new code-server
 * process with a new user-data-dir, a new browser context (so no workbench state survives),
 * our extension loaded from dist/ as a development extension and the probe as
 * `extensionTestsPath`. Everything it starts is stopped and deleted before it returns.
 */

const PROBE = path.join(PROJECT_ROOT, 'out', 'bench', 'startup', 'extensionHostProbe.js');
const STEP_LIMIT_MS = 90_000;
/** After activation with the view hidden, how long the server is still watched for a late request. */
export const HIDDEN_WATCH_MS = 3_000;
/** Quiet time after the workbench reports its last start-up phase, before the view is opened. */
export const SETTLE_MS = 1_000;
// A task row's accessible label is "<file or id>, <STATUS>, <description>" (src/tree/taskNode.ts).
const TASK_ROW_LABEL = /, (PENDING|PROCESSING|COMPLETED|FAILED|unknown status), /.source;

export interface LaunchResult {
  probe: ProbeResult;
  /** Every request the Flexprice server saw during the launch. */
  requests: LoggedRequest[];
  /** view mode, Date.now() in the page: the activity-bar icon clicked, the first task row in the DOM. */
  clickedAt?: number;
  firstRowAt?: number;
}

async function waitForFile(file: string, what: string, failed: () => string | undefined): Promise<void> {
  const deadline = Date.now() + STEP_LIMIT_MS;
  while (!existsSync(file)) {
    const failure = failed();
    if (failure) throw new Error(`${failure} while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Observes the DOM from before the click, so the row's arrival time does not depend on polling. */
async function watchForFirstTaskRow(page: Page): Promise<void> {
  await page.evaluate((labelSource) => {
    const label = new RegExp(labelSource);
    const state = window as unknown as { firstTaskRowAt?: number };
    const observer = new MutationObserver(() => {
      for (const row of Array.from(document.querySelectorAll('.monaco-list-row[aria-label]'))) {
        if (label.test(row.getAttribute('aria-label') ?? '')) {
          state.firstTaskRowAt = Date.now();
          observer.disconnect();
          return;
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  }, TASK_ROW_LABEL);
}

/** Waits until the workbench has finished starting (its last lifecycle phase) and then a little more. */
async function waitForSettledWorkbench(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('code/LifecyclePhase/Eventually').length > 0, undefined, { timeout: STEP_LIMIT_MS });
  await sleep(SETTLE_MS);
}

async function openViewAndWaitForRows(page: Page): Promise<{ clickedAt: number; firstRowAt: number }> {
  const icon = page.locator('.activitybar [aria-label^="Flexprice"]').first();
  await icon.waitFor({ timeout: STEP_LIMIT_MS });
  await waitForSettledWorkbench(page);
  await watchForFirstTaskRow(page);
  const clickedAt = Date.now();
  await icon.click();
  const firstRow = await page.waitForFunction(() => (window as unknown as { firstTaskRowAt?: number }).firstTaskRowAt, undefined, { timeout: STEP_LIMIT_MS });
  return { clickedAt, firstRowAt: (await firstRow.jsonValue()) as number };
}

export async function launchHost(browser: Browser, mode: ProbeMode): Promise<LaunchResult> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'flexprice-bench-startup-'));
  const workspace = path.join(scratch, 'workspace');
  const probeDir = path.join(scratch, 'probe');
  mkdirSync(workspace);
  mkdirSync(probeDir);
  const files = probeFiles(probeDir);
  let flexprice: LocalFlexpriceServer | undefined;
  let codeServer: CodeServer | undefined;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    flexprice = await startFlexpriceServer();
    codeServer = await startCodeServer({
      folder: workspace,
      settings: { 'flexprice.apiUrl': flexprice.baseUrl },
      env: { FLEXPRICE_API_KEY: flexprice.apiKey, [PROBE_ENV.dir]: probeDir, [PROBE_ENV.mode]: mode },
    });
    const page = await context.newPage();
    // The workbench calls this when the probe's run() settles: 0 = it resolved.
    let exitCode: number | undefined;
    const finished = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve((exitCode = code))));
    const failed = () => (exitCode !== undefined && exitCode !== 0 ? `the extension-host probe failed (exit ${exitCode})` : undefined);
    await page.goto(workbenchUrl(codeServer, workspace, [
      ['extensionDevelopmentPath', remoteUri(codeServer, PROJECT_ROOT)],
      ['extensionTestsPath', remoteUri(codeServer, PROBE)],
    ]));
    await waitForFile(files.ready, 'the extension-host probe to start', failed);
    let seen: { clickedAt: number; firstRowAt: number } | undefined;
    if (mode === 'view') {
      seen = await openViewAndWaitForRows(page);
      writeFileSync(files.rowsSeen, String(seen.firstRowAt));
    }
    await waitForFile(files.result, 'the probe result', failed);
    const probe = JSON.parse(readFileSync(files.result, 'utf8')) as ProbeResult;
    // A request that activation set off late (a timer, an unawaited promise) still lands in the log.
    if (mode === 'hidden') await sleep(HIDDEN_WATCH_MS);
    if ((await finished) !== 0) throw new Error(failed());
    return { probe, requests: flexprice.requests.all(), ...seen };
  } finally {
    await context.close();
    await codeServer?.close();
    await flexprice?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
