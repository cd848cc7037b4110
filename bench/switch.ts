import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/host/browser';
import { startFlexpriceServer, twoEnvironments, type LocalFlexpriceServer } from '../test/server/flexpriceServer';
import { median, round, type Figure, type Section } from './report';
import { closeProfile, describeRequest, newProfile, openWorkbench } from './startup/hostLaunch';
import { openViewAndWatch, rowWatchResult, watchRows, type RowWatch } from './startup/pageWatch';
import { storedEntries } from './startup/workbenchStorage';

/*
 * "Flexprice: Switch Connection" in the real extension host (code-server + Debian Chromium, as
 * bench/startup), against the local server serving Sandbox and Production of tenant Acme, each
 * with its own key and tasks, given to the host as two connections in FLEXPRICE_CONNECTIONS.
 * Each environment gets one task only it has, with a file name of its own, so its first row in
 * the tree is unmistakably the new connection's. With the view open on Sandbox, the bench
 * clicks the connection's status-bar item, types the other connection's name into the quick
 * pick and presses Enter; it times from that Enter (key-down, in the page) to the first row of
 * the new connection's own task in the DOM. Switches alternate; the first of a launch goes to
 * Production, never read before in that profile; every later one goes to a connection read
 * before, so its kept first page is shown at once.
 */

const LAUNCHES = 3;
const SWITCHES_PER_LAUNCH = 5;
/** Between switches: the live answer, identification and the status bar settle. */
const QUIET_MS = 1_500;
const STEP_LIMIT_MS = 30_000;
const CONNECTIONS = [
  { name: 'Acme · Sandbox', ownTask: 'bench-switch-sandbox-only.csv' },
  { name: 'Acme · Production', ownTask: 'bench-switch-production-only.csv' },
] as const;
type Target = (typeof CONNECTIONS)[number];

/** Which connections' kept pages the workbench's storage holds (globalState keys flexprice.keptPage.<connection id>). */
async function keptPagesStored(page: Page): Promise<string[]> {
  const names = new Set<string>();
  for (const { value } of await storedEntries(page)) for (const match of value.matchAll(/"flexprice\.keptPage\.([^"]+)"/g)) names.add(match[1]!);
  return [...names];
}

interface SwitchSample {
  launch: number;
  /** 1-based within the launch; 1 is the first switch (no kept page for its target). */
  index: number;
  to: string;
  /** Enter → the first row of the target's own task. */
  ms: number;
  /** That row came from the target's kept page ("As of …" mark in the tree then). */
  keptRows: boolean;
  /** Enter → the kept page's mark gone (the live answer shown), when there was one. */
  liveMs?: number;
  /** What reached the server from the Enter to the row, ms after the Enter, with the connection whose key it carried. */
  requests: string[];
  timeline: RowWatch['timeline'];
  /** Connections with a kept page in storage right before the switch. */
  keptStored: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A task row's aria-label starts with its file name (src/tree/taskNode.ts). */
const rowOf = (fileName: string) => `^${escapeRegExp(fileName)}, `;

async function switchTo(page: Page, target: Target): Promise<RowWatch & { enteredAt: number }> {
  await page.locator('[aria-label^="Flexprice connection:"]').first().click();
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: STEP_LIMIT_MS });
  await input.fill(target.name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: target.name }).waitFor({ timeout: STEP_LIMIT_MS });
  await watchRows(page, rowOf(target.ownTask));
  await page.keyboard.press('Enter');
  const watch = await rowWatchResult(page, STEP_LIMIT_MS);
  if (watch.inputAt === undefined) throw new Error('the Enter that chose the connection was not seen in the page');
  return { ...watch, enteredAt: watch.inputAt };
}

async function oneLaunch(browser: Awaited<ReturnType<typeof launchChromium>>, launch: number): Promise<SwitchSample[]> {
  const server: LocalFlexpriceServer = await startFlexpriceServer({ environments: twoEnvironments() });
  server.environments.forEach((environment, index) => environment.store.add({ file_name: CONNECTIONS[index]!.ownTask }));
  const profile = await newProfile(browser);
  let close = async () => undefined as void;
  try {
    const connections = server.environments.map((environment, index) => ({ name: CONNECTIONS[index]!.name, apiUrl: server.baseUrl, apiKey: environment.apiKey }));
    const { codeServer, page } = await openWorkbench(profile, {
      settings: {},
      env: { FLEXPRICE_API_KEY: undefined, FLEXPRICE_API_URL: undefined, FLEXPRICE_CONNECTIONS: JSON.stringify(connections) },
    });
    close = async () => {
      await page.close().catch(() => undefined);
      await codeServer.close();
    };
    const keyOwner = (key: string | undefined) => connections.find((connection) => connection.apiKey === key)?.name ?? 'no key';
    // The first connection listed is active in a fresh profile: open the view on it.
    await openViewAndWatch(page, rowOf(CONNECTIONS[0].ownTask));
    await sleep(QUIET_MS);
    const samples: SwitchSample[] = [];
    for (let index = 1; index <= SWITCHES_PER_LAUNCH; index += 1) {
      const target = CONNECTIONS[index % 2]!;
      const keptStored = await keptPagesStored(page);
      const seen = await switchTo(page, target);
      const { enteredAt, firstRowAt } = seen;
      samples.push({
        launch,
        index,
        to: target.name,
        ms: firstRowAt! - enteredAt,
        keptRows: seen.keptAtFirstRow === true,
        liveMs: seen.keptGoneAt === undefined ? undefined : seen.keptGoneAt - enteredAt,
        requests: server.requests.all().filter((request) => request.at >= enteredAt && request.at <= firstRowAt!)
          .map((request) => `${describeRequest(request, enteredAt)} [${keyOwner(request.headers['x-api-key'])}]`),
        timeline: seen.timeline,
        keptStored,
      });
      await sleep(QUIET_MS);
    }
    return samples;
  } finally {
    await close();
    await closeProfile(profile);
    await server.close();
  }
}

function figures(samples: SwitchSample[]): Figure[] {
  const first = samples.filter((s) => s.index === 1);
  const later = samples.filter((s) => s.index > 1);
  const withKept = later.filter((s) => s.keptRows).length;
  const live = later.flatMap((s) => (s.liveMs === undefined ? [] : [s.liveMs]));
  const setup = `code-server + Chromium, two connections (Sandbox and Production of tenant Acme on the local server, 41 tasks each, one only that ` +
    `environment has) from FLEXPRICE_CONNECTIONS, the view open; the connection's status-bar item clicked, the other name typed into the quick pick, ` +
    `and the time from Enter (its key-down in the page) to a MutationObserver seeing the first row of the new connection's own task`;
  const perSwitch = samples.map(({ timeline: _timeline, ...s }) => s);
  return [
    {
      name: 'switch time median',
      value: median(samples.map((s) => s.ms)),
      unit: 'ms',
      budget: { max: 300 },
      how: `${setup}; all ${samples.length} switches of ${LAUNCHES} launches (${SWITCHES_PER_LAUNCH} each, alternating; the first of each launch has no kept page, later ones have).`,
      details: { switches: perSwitch },
    },
    {
      name: 'switch time median, first switch',
      value: median(first.map((s) => s.ms)),
      unit: 'ms',
      budget: { max: 300 },
      how: `The same, only the first switch of each launch (to Production, never read in that profile: no kept page, the rows wait for the answer); ${first.length} switches.`,
      details: { samplesMs: first.map((s) => s.ms) },
    },
    {
      name: 'switch time median, later switches',
      value: median(later.map((s) => s.ms)),
      unit: 'ms',
      budget: { max: 300 },
      how: `The same, the second and later switches (to a connection read before in the launch, so a kept page exists); ${later.length} switches, ` +
        `the first row came from the kept page in ${withKept} of them (a kept page of the target was in storage before ` +
        `${later.filter((s) => s.keptStored.some((id) => id.endsWith(s.to))).length}).`,
      details: { samplesMs: later.map((s) => s.ms), timelines: later.map((s) => s.timeline) },
    },
    {
      name: 'switch: live rows after a later switch median',
      value: live.length > 0 ? median(live) : null,
      unit: 'ms',
      how: `The later switches, from Enter to the kept page's "As of" mark leaving the tree (the live answer's rows shown); ${live.length} of ${later.length} showed the mark.`,
      details: { samplesMs: live },
    },
  ];
}

export async function run(): Promise<Section> {
  const browser = await launchChromium();
  try {
    const samples: SwitchSample[] = [];
    for (let launch = 1; launch <= LAUNCHES; launch += 1) {
      const started = Date.now();
      samples.push(...(await oneLaunch(browser, launch)));
      console.log(`[bench] switch: launch ${launch}/${LAUNCHES} in ${round((Date.now() - started) / 1000, 1)} s`);
    }
    return { id: 'switch', title: 'Switch Connection (real VS Code extension host, code-server)', figures: figures(samples) };
  } finally {
    await browser.close();
  }
}
