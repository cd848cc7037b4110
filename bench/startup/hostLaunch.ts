import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../../test/host/codeServer';
import { freePort } from '../../test/host/freePort';
import { PROJECT_ROOT } from '../../test/host/projectRoot';
import { remoteUri, workbenchUrl } from '../../test/host/workbenchUrl';
import { startFlexpriceServer, type LocalFlexpriceServer, type LoggedRequest } from '../../test/server/flexpriceServer';
import { ANY_TASK_ROW, openViewAndWatch, type RowWatch } from './pageWatch';
import { PROBE_ENV, probeFiles, type ProbeMode, type ProbeResult } from './probeProtocol';
import { waitForStorage } from './workbenchStorage';

/*
 * Host launches against the local Flexprice server (40 seeded tasks): a code-server process,
 * a browser context, our extension loaded from dist/ as a development extension and the probe
 * as `extensionTestsPath`. A profile (user-data-dir, browser context, port: the workbench's
 * state lives in the page's IndexedDB, which belongs to the origin) is fresh for every launch,
 * except that a kept launch reuses the profile of the view launch before it, which read the
 * tasks, so that the extension starts with a kept first page. Everything is stopped and
 * deleted before the functions return.
 */

const PROBE = path.join(PROJECT_ROOT, 'out', 'bench', 'startup', 'extensionHostProbe.js');
const STEP_LIMIT_MS = 90_000;

export interface LaunchResult {
  probe: ProbeResult;
  /** Every request the Flexprice server saw during this launch (a shared server: from this launch's start). */
  requests: LoggedRequest[];
  /** view and kept: what the page saw, from the click on the activity-bar icon (Date.now() in the page). */
  seen?: RowWatch & { clickedAt: number };
}

/** A logged request as `GET /v1/tasks?limit=50 +12 ms` (ms after `from`). */
export function describeRequest(request: LoggedRequest, from: number): string {
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query ? `?${query}` : ''} +${request.at - from} ms`;
}

/** Where a profile lives: kept between the two launches of a pair. */
export interface Profile {
  scratch: string;
  workspace: string;
  userDataDir: string;
  port: number;
  context: BrowserContext;
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

export async function newProfile(browser: Browser): Promise<Profile> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'flexprice-bench-startup-'));
  const workspace = path.join(scratch, 'workspace');
  const userDataDir = path.join(scratch, 'user-data');
  mkdirSync(workspace);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return { scratch, workspace, userDataDir, port: await freePort(), context };
}

export async function closeProfile(profile: Profile): Promise<void> {
  await profile.context.close();
  rmSync(profile.scratch, { recursive: true, force: true });
}

/**
 * One code-server launch in the profile; `beforeClose` runs with the page before it closes.
 * The probe's folder is new for each launch.
 */
async function launchIn(
  profile: Profile,
  flexprice: LocalFlexpriceServer,
  mode: ProbeMode,
  beforeClose?: (page: Page) => Promise<void>,
): Promise<LaunchResult> {
  const probeDir = mkdtempSync(path.join(profile.scratch, 'probe-'));
  const files = probeFiles(probeDir);
  const startedAt = Date.now();
  let codeServer: CodeServer | undefined;
  let page: Page | undefined;
  try {
    let exitCode: number | undefined;
    ({ codeServer, page } = await openWorkbench(profile, {
      settings: { 'flexprice.apiUrl': flexprice.baseUrl },
      env: { FLEXPRICE_API_KEY: flexprice.apiKey, FLEXPRICE_CONNECTIONS: undefined, [PROBE_ENV.dir]: probeDir, [PROBE_ENV.mode]: mode },
      payload: [['extensionTestsPath', PROBE]],
      // The workbench calls this when the probe's run() settles: 0 = it resolved.
      onExit: (code) => (exitCode = code),
    }));
    const failed = () => (exitCode !== undefined && exitCode !== 0 ? `the extension-host probe failed (exit ${exitCode})` : undefined);
    await waitForFile(files.ready, 'the extension-host probe to start', failed);
    let seen: LaunchResult['seen'];
    if (mode !== 'hidden') {
      seen = await openViewAndWatch(page, ANY_TASK_ROW);
      if (seen.firstRowAt! < seen.clickedAt) throw new Error(`a ${mode} launch showed task rows before the click: the view was open at start`);
      writeFileSync(files.rowsSeen, String(seen.firstRowAt));
    }
    await waitForFile(files.result, 'the probe result', failed);
    const probe = JSON.parse(readFileSync(files.result, 'utf8')) as ProbeResult;
    const exitDeadline = Date.now() + STEP_LIMIT_MS;
    while (exitCode === undefined && Date.now() < exitDeadline) await sleep(20);
    if (exitCode !== 0) throw new Error(failed() ?? 'the extension-host probe never finished');
    const requests = flexprice.requests.all().filter((request) => request.at >= startedAt);
    await beforeClose?.(page);
    return { probe, requests, seen };
  } finally {
    // Closed for good (no beforeunload, which could keep it open): a page left open would
    // reconnect to the next launch's code-server on the same port. The storage was awaited above.
    await page?.close().catch(() => undefined);
    await codeServer?.close();
  }
}

/**
 * code-server in the profile with our extension from dist/ as a development extension, and a
 * page on its workbench. `payload` paths are made remote URIs.
 */
export async function openWorkbench(
  profile: Profile,
  options: { settings: object; env: Record<string, string | undefined>; payload?: [string, string][]; onExit?: (code: number) => void },
): Promise<{ codeServer: CodeServer; page: Page }> {
  const codeServer = await startCodeServer({ folder: profile.workspace, userDataDir: profile.userDataDir, port: profile.port, settings: options.settings, env: options.env });
  try {
    const page = await profile.context.newPage();
    if (options.onExit) await page.exposeFunction('codeAutomationExit', options.onExit);
    const payload = (options.payload ?? []).map(([name, file]): [string, string] => [name, remoteUri(codeServer, file)]);
    await page.goto(workbenchUrl(codeServer, profile.workspace, [['extensionDevelopmentPath', remoteUri(codeServer, PROJECT_ROOT)], ...payload]));
    return { codeServer, page };
  } catch (error) {
    await codeServer.close();
    throw error;
  }
}

/** One launch in a fresh profile against a fresh server. */
export async function launchHost(browser: Browser, mode: 'hidden' | 'view'): Promise<LaunchResult> {
  const flexprice = await startFlexpriceServer();
  const profile = await newProfile(browser);
  try {
    return await launchIn(profile, flexprice, mode);
  } finally {
    await closeProfile(profile);
    await flexprice.close();
  }
}

/**
 * A view launch in a fresh profile (it reads the tasks, so the first page is kept), then,
 * once the kept page is in the workbench's storage, a kept launch in the same profile against
 * the same server: the second start of a person who used the view before.
 */
export async function launchPairWithKeptPage(browser: Browser): Promise<{ view: LaunchResult; kept: LaunchResult }> {
  const flexprice = await startFlexpriceServer();
  const profile = await newProfile(browser);
  try {
    const view = await launchIn(profile, flexprice, 'view', async (page) => {
      // Saved on the first successful read (src/tree/taskTree.ts, keepFirstPage); the probe
      // switched the sidebar to the Explorer, which must be stored too, or the view opens at start.
      await waitForStorage(page, 'a kept page', (entries) => entries.some(({ value }) => value.includes('"flexprice.keptPage.')), STEP_LIMIT_MS);
      // The default (the Explorer) is stored as no entry.
      await waitForStorage(page, 'the Explorer in front', (entries) =>
        entries.every(({ key, value }) => key !== 'workbench.sidebar.activeviewletid' || value === 'workbench.view.explorer'), STEP_LIMIT_MS);
    });
    const kept = await launchIn(profile, flexprice, 'kept');
    if (kept.seen?.keptShownAt === undefined) throw new Error(`the kept launch never showed the kept page's mark: ${JSON.stringify(kept.seen)}`);
    return { view, kept };
  } finally {
    await closeProfile(profile);
    await flexprice.close();
  }
}
