import { launchChromium } from '../test/host/browser';
import { median, round, type Figure, type Section } from './report';
import { fromMarks, fromStartupPerformance, type ActivationTimes } from './startup/activationStats';
import { describeRequest, launchHost, launchPairWithKeptPage, type LaunchResult } from './startup/hostLaunch';
import { SETTLE_MS, type RowWatch } from './startup/pageWatch';
import { EXTENSION_ID, HIDDEN_WATCH_MS, type LoadedFile, type ProbeMode } from './startup/probeProtocol';

/*
 * Start-up in the real extension host of code-server (VS Code 1.100 for the web), against the
 * local Flexprice server on 127.0.0.1. The extension activates at start-up (onStartupFinished:
 * its connection's status-bar item shows from the start), so every launch measures activation;
 * what differs is what the person does after it:
 * - hidden: nothing; the view is never shown. We list what activation loaded and watch the
 *   server for any request.
 * - view: in a fresh profile, the person opens the Flexprice view (clicks its activity-bar
 *   icon) once the workbench has started; we time until the first task row.
 * - kept: the same, in the profile of the view launch just before (it read the tasks, so the
 *   extension kept their first page): the first rows are the kept ones, the live answer
 *   replaces them.
 */

// A pair is a view launch and then a kept launch in its profile. Hidden launches are
// deterministic in what they load and request, so two suffice; interleaved so machine load
// hits every kind alike. activate() samples come from all launches.
const LAUNCHES: ('pair' | 'hidden')[] = ['pair', 'hidden', 'pair', 'pair', 'hidden', 'pair', 'pair'];
const KB = 1000;
const CORE_BUNDLE = 'dist/core.js';

interface FirstData {
  /** max(click, activation start) → first task row in the DOM. */
  totalMs: number;
  /** activation start − click: negative when start-up activation came before the click, as it should. */
  clickToActivationStartMs: number;
  activationMs: number;
  /** From the later of the click and activation to the first request of the launch after it. */
  startToRequestMs?: number;
  /** First request → first row; negative when kept rows came before the request. */
  requestToRowMs?: number;
  /** The first row came from the kept page. */
  keptRows: boolean;
  /** kept: max(click, activation start) → the kept page's "As of" mark in the DOM. */
  keptMarkMs?: number;
  /** kept: max(click, activation start) → the kept page's mark gone, the live answer's rows shown. */
  liveMs?: number;
  /** What the tree showed, change by change (ms after the click). */
  timeline: RowWatch['timeline'];
  /** What reached the server between the start and the first row. */
  requestsBeforeRow: string[];
}

interface Sample {
  mode: ProbeMode;
  times: ActivationTimes;
  /** Requests that reached the server because of activation (see requestsCausedByActivation). */
  activationRequests: number;
  loadedFiles: LoadedFile[];
  loadedFilesLater?: LoadedFile[];
  wasActiveAtStart: boolean;
  coreRequireMs?: number;
  firstData?: FirstData;
}

const bytes = (files: readonly LoadedFile[]) => files.reduce((sum, { bytes: size }) => sum + size, 0);

/**
 * hidden: every request of the launch, which ends HIDDEN_WATCH_MS after activation (the view
 * never shows, so nothing may ask). view and kept: those that arrived before the view was
 * opened or before activate() had returned, whichever is later.
 */
function requestsCausedByActivation(launch: LaunchResult): number {
  if (launch.probe.mode === 'hidden') return launch.requests.length;
  const until = Math.max(launch.seen!.clickedAt, launch.probe.marks.didActivateExtension ?? Infinity);
  return launch.requests.filter((request) => request.at < until).length;
}

function firstData(launch: LaunchResult): FirstData {
  const { marks } = launch.probe;
  const { clickedAt, firstRowAt, keptAtFirstRow, keptShownAt, keptGoneAt, timeline } = launch.seen!;
  const start = marks.willLoadExtensionCode;
  const activated = marks.didActivateExtension;
  if (firstRowAt === undefined || start === undefined || activated === undefined) {
    throw new Error(`a ${launch.probe.mode} launch is missing a timestamp: ${JSON.stringify({ clickedAt, firstRowAt, marks })}`);
  }
  const from = Math.max(clickedAt, start);
  const after = launch.requests.filter((request) => request.at >= Math.max(clickedAt, activated));
  const firstRequest = after[0]?.at;
  return {
    totalMs: firstRowAt - from,
    clickToActivationStartMs: start - clickedAt,
    activationMs: activated - start,
    startToRequestMs: firstRequest === undefined ? undefined : firstRequest - Math.max(clickedAt, activated),
    requestToRowMs: firstRequest === undefined ? undefined : firstRowAt - firstRequest,
    keptRows: keptAtFirstRow === true,
    keptMarkMs: keptShownAt === undefined ? undefined : keptShownAt - from,
    liveMs: keptGoneAt === undefined ? undefined : keptGoneAt - from,
    timeline,
    requestsBeforeRow: after.filter((request) => request.at <= firstRowAt).map((request) => describeRequest(request, from)),
  };
}

function sample(launch: LaunchResult): Sample {
  const { probe } = launch;
  const times = fromStartupPerformance(probe.startupPerformance, EXTENSION_ID) ?? fromMarks(probe.marks);
  if (!times) throw new Error(`no activation times for ${EXTENSION_ID}: ${JSON.stringify(probe.marks)}`);
  return {
    mode: probe.mode,
    times,
    activationRequests: requestsCausedByActivation(launch),
    loadedFiles: probe.loadedFiles,
    loadedFilesLater: probe.loadedFilesLater,
    wasActiveAtStart: probe.wasActiveAtStart,
    coreRequireMs: probe.coreRequireMs,
    firstData: probe.mode === 'hidden' ? undefined : firstData(launch),
  };
}

async function measure(): Promise<Sample[]> {
  const browser = await launchChromium();
  try {
    const samples: Sample[] = [];
    for (const [index, kind] of LAUNCHES.entries()) {
      const started = Date.now();
      if (kind === 'hidden') samples.push(sample(await launchHost(browser, 'hidden')));
      else {
        const { view, kept } = await launchPairWithKeptPage(browser);
        samples.push(sample(view), sample(kept));
      }
      console.log(`[bench] startup: ${index + 1}/${LAUNCHES.length} (${kind === 'pair' ? 'view, then kept' : kind}) in ${round((Date.now() - started) / 1000, 1)} s`);
    }
    return samples;
  } finally {
    await browser.close();
  }
}

function figures(samples: Sample[]): Figure[] {
  const of = (mode: ProbeMode) => samples.filter((s) => s.mode === mode);
  const [hidden, view, kept] = [of('hidden'), of('view'), of('kept')];
  const perLaunch = samples.map((s) => ({ mode: s.mode, event: s.times.event, source: s.times.source, wasActiveAtProbeStart: s.wasActiveAtStart,
    loadCodeMs: s.times.loadCodeMs, callActivateMs: s.times.callActivateMs, finishActivateMs: s.times.finishActivateMs, activateMs: s.times.activateMs }));
  const sources = [...new Set(samples.map((s) => s.times.source))].join(' / ');
  const events = [...new Set(samples.map((s) => s.times.event ?? 'unknown'))].join(', ');
  const hiddenLoads = hidden.map((s) => s.loadedFilesLater ?? s.loadedFiles);
  const coreLoaded = hiddenLoads.some((files) => files.some(({ file }) => file === CORE_BUNDLE));
  const startLine = 'from the later of the click on the Flexprice activity-bar icon (its mousedown in the page) and the extension host\'s ' +
    'willLoadExtensionCode mark (activation start; with onStartupFinished it normally comes first), to a MutationObserver in the page seeing ' +
    `the first task row in the DOM; the click comes ${SETTLE_MS / 1000} s after the workbench reached its last start-up phase`;
  return [
    {
      name: 'activate() median',
      value: median(samples.map((s) => s.times.activateMs)),
      unit: 'ms',
      budget: { max: 10 },
      how: `Call Activate + Finish Activate for ${EXTENSION_ID} from VS Code's own ${sources} (Developer: Startup Performance), ` +
        `median of ${samples.length} code-server launches (${view.length} fresh with the view opened after start-up, ${kept.length} with a kept page, ` +
        `${hidden.length} with the view never shown); activated by: ${events}.`,
      details: { launches: perLaunch },
    },
    {
      name: 'code loading median',
      value: median(samples.map((s) => s.times.loadCodeMs)),
      unit: 'ms',
      how: `"Load Code" in the same table: the extension host's require() of dist/extension.js, same ${samples.length} launches.`,
      details: { samplesMs: samples.map((s) => s.times.loadCodeMs) },
    },
    {
      name: 'requests during activation',
      value: samples.reduce((sum, s) => sum + s.activationRequests, 0),
      unit: 'requests',
      budget: { max: 0 },
      how: `Requests the local Flexprice server logged, summed over ${samples.length} launches: with the view never shown (${hidden.length}), all of them ` +
        `from launch until ${HIDDEN_WATCH_MS / 1000} s after the start-up activation (and VS Code's stats were read); with the view opened ` +
        '(fresh and kept), those that arrived before the click on the icon or before activate() returned, whichever is later.',
      details: { perLaunch: samples.map((s) => ({ mode: s.mode, requests: s.activationRequests })) },
    },
    {
      name: 'JS loaded by activation',
      value: Math.max(...hiddenLoads.map(bytes)) / KB,
      unit: 'KB',
      budget: { max: 60 },
      how: `Our extension's files in the extension host's require.cache ${HIDDEN_WATCH_MS / 1000} s after the start-up activation with the view never shown ` +
        `(the probe's own files left out), sizes on disk of the production build, largest of ${hidden.length} launches; KB = 1,000 bytes. ` +
        `${CORE_BUNDLE} ${coreLoaded ? 'WAS loaded' : 'was not loaded'}.`,
      details: {
        coreLoaded,
        filesAtActivation: hidden[0]?.loadedFiles,
        filesLater: hidden[0]?.loadedFilesLater,
        bytesPerLaunch: hiddenLoads.map(bytes),
      },
    },
    {
      name: 'core.js require() median',
      value: median(hidden.flatMap((s) => (s.coreRequireMs === undefined ? [] : [round(s.coreRequireMs, 1)]))),
      unit: 'ms',
      how: `What loading the heavy half costs when the view first asks for rows: the probe's own require() of ${CORE_BUNDLE} in the extension host of the ` +
        `${hidden.length} hidden launches, after everything else there was recorded (module evaluation only: createCore() is not called).`,
      details: { samplesMs: hidden.map((s) => s.coreRequireMs ?? null) },
    },
    {
      name: 'time to first data median',
      value: median(view.map((s) => s.firstData!.totalMs)),
      unit: 'ms',
      budget: { max: 300 },
      how: `No kept page (a fresh profile): ${startLine}; key from FLEXPRICE_API_KEY, 40 seeded tasks, server on 127.0.0.1, ` +
        `same machine clock (Date.now) in page, extension host and server; median of ${view.length} launches.`,
      details: { launches: view.map((s) => s.firstData) },
    },
    {
      name: 'time to first data with a kept page median',
      value: median(kept.map((s) => s.firstData!.totalMs)),
      unit: 'ms',
      budget: { max: 150 },
      how: `A second code-server launch in the profile (user-data-dir, browser storage, port) of a fresh launch that opened the view and read the ` +
        `40 tasks, so the first page was kept; the view hidden at start again; ${startLine}, kept or live (the kept page's "As of …" mark showed in all ` +
        `${kept.length} launches; the first task row was a kept one in ${kept.filter((s) => s.firstData!.keptRows).length} of them, and in the others ` +
        `came with the live answer); median of ${kept.length} launches; the mark's own time is keptMarkMs in the details.`,
      details: { launches: kept.map((s) => s.firstData) },
    },
    {
      name: 'kept page: "As of" mark median',
      value: median(kept.flatMap((s) => (s.firstData!.keptMarkMs === undefined ? [] : [s.firstData!.keptMarkMs]))),
      unit: 'ms',
      how: `The same ${kept.length} kept launches, from the same start to the kept page's "As of …, refreshing…" row in the DOM (the first thing of the kept page on screen).`,
      details: { samplesMs: kept.map((s) => s.firstData!.keptMarkMs ?? null) },
    },
    {
      name: 'kept page: live rows median',
      value: median(kept.flatMap((s) => (s.firstData!.liveMs === undefined ? [] : [s.firstData!.liveMs]))),
      unit: 'ms',
      how: `The same ${kept.length} kept launches, from the same start to the kept page's "As of" mark leaving the DOM (the live answer's rows replaced ` +
        `the kept ones); ${kept.filter((s) => s.firstData!.liveMs === undefined).length} launches where it never left within 30 s are left out.`,
      details: { samplesMs: kept.map((s) => s.firstData!.liveMs ?? null) },
    },
  ];
}

/** Measures dist/ as it is: `npm run bench` makes the production build first. */
export async function run(): Promise<Section> {
  return { id: 'startup', title: 'Start-up (real VS Code extension host, code-server)', figures: figures(await measure()) };
}
