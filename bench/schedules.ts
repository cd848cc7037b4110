import { FlexpriceClient } from '../src/api/flexpriceClient';
import { isSettled } from '../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS } from '../src/polling/pollSettings';
import { TaskPoller } from '../src/polling/taskPoller';
import { ScheduleModel } from '../src/schedules/scheduleModel';
import { startFlexpriceServer } from '../test/server/flexpriceServer';
import { FakeClock } from '../test/unit/polling/fakeClock';
import { installVscodeStandIn } from '../test/unit/vscodeStandIn';
import { median, round, type Figure, type Section } from './report';
import { timed, type Sample } from './scale/timedSamples';

/*
 * Scheduled exports. Run Now: the real ScheduleModel on the real TaskPoller, the real client
 * over 127.0.0.1, the local server on the same fake clock (its run timings as a real server's:
 * the task 3 s after "run", PENDING 0.5–2 s, PROCESSING 3–20 s), so time is compressed to what
 * the requests take. The view: 200 schedules, each expanded, built by the real provider on the
 * `vscode` stand-in the unit tests use.
 */

const RUN_NOW_RUNS = 9;
const SCHEDULES = 200;
const BUILD_RUNS = 15;

export async function run(): Promise<Section> {
  installVscodeStandIn();
  return { id: 'schedules', title: 'Scheduled exports', figures: [...(await runNowFigures()), ...(await viewFigures())] };
}

interface RunNowSample {
  /** Simulated time from the server's answer to the run's row (its task found). */
  rowMs: number;
  /** Requests from Run Now (its POST included) until the run's task is seen finished. */
  requests: number;
  /** Looks at the task before it existed (404s) and after. */
  looks: number;
}

async function runNowFigures(): Promise<Figure[]> {
  const samples: RunNowSample[] = [];
  for (let seed = 1; seed <= RUN_NOW_RUNS; seed++) samples.push(await oneRunNow(seed));
  const details = { samples };
  return [
    {
      name: 'Run Now → run row, median',
      value: median(samples.map((sample) => sample.rowMs)) / 1000,
      unit: 's',
      how: `${RUN_NOW_RUNS} runs (seeds 1–${RUN_NOW_RUNS}); simulated time from the server's answer until the run's row replaces "Starting…"; the server creates the task 3 s after "run"`,
      details,
    },
    {
      name: 'requests until the run finishes, median',
      value: median(samples.map((sample) => sample.requests)),
      unit: 'requests',
      how: 'every request the extension sends from Run Now (the POST included) until the run is seen COMPLETED or FAILED, with the Scheduled Exports view hidden',
      details,
    },
  ];
}

async function oneRunNow(seed: number): Promise<RunNowSample> {
  const clock = new FakeClock(Date.parse('2026-12-01T10:07:00Z'));
  const server = await startFlexpriceServer({ clock: () => clock.now(), seed, seedTasks: false, scheduledExports: { schedules: 6, failureRate: 0.15 } });
  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 10_000, userAgent: 'schedules-bench' });
  const poller = new TaskPoller({ source: async () => client, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
  const model = new ScheduleModel({ source: async () => client, clock, pageSize: () => 50 });
  poller.addSideRead(model);
  try {
    const schedule = server.schedules.all().find((candidate) => candidate.enabled && candidate.status === 'published')!;
    const before = server.requests.all().length;
    const answer = await client.runScheduledExport(schedule.id);
    const acceptedAt = clock.now();
    let rowAt: number | undefined;
    let done = false;
    // As ScheduledExports does: once the task exists, it is watched until it settles.
    model.onDidStartRun(({ task }) => {
      rowAt = clock.now();
      if (isSettled(task, clock.now())) done = true;
      else {
        const watch = poller.watch(task.id, { onUpdate: (latest) => void (isSettled(latest, clock.now()) && ((done = true), watch.dispose())) });
      }
    });
    model.follow(schedule.id, answer.workflow_id, acceptedAt);
    poller.requestCycle('run now');
    for (let step = 0; step < 2_000 && !done; step++) {
      await clock.advance(250);
      await poller.idle();
    }
    if (!done || rowAt === undefined) throw new Error(`the run of seed ${seed} did not finish`);
    const path = `/v1/tasks/${encodeURIComponent(answer.workflow_id)}`;
    return { rowMs: rowAt - acceptedAt, requests: server.requests.all().length - before, looks: server.requests.count({ path }) };
  } finally {
    poller.dispose();
    model.dispose();
    await server.close();
  }
}

async function viewFigures(): Promise<Figure[]> {
  const { ScheduleTreeProvider } = await import('../src/scheduleView/scheduleTreeProvider.js');
  const { ScheduleNode } = await import('../src/scheduleView/scheduleNodes.js');
  const clock = new FakeClock(Date.parse('2026-12-01T10:07:00Z'));
  // One seeded schedule is deleted (the list sends it, the view hides it): one more makes SCHEDULES rows.
  const server = await startFlexpriceServer({ clock: () => clock.now(), seedTasks: false, scheduledExports: { schedules: SCHEDULES + 1 } });
  const client = new FlexpriceClient({ apiUrl: server.baseUrl, apiKey: server.apiKey, timeoutMs: 60_000, userAgent: 'schedules-bench' });
  const model = new ScheduleModel({ source: async () => client, clock, pageSize: () => 50 });
  const provider = new ScheduleTreeProvider(model, () => server.baseUrl, clock);
  try {
    model.setVisible(true);
    const signal = new AbortController().signal;
    await model.read({ explicit: true, signal });
    const schedules = model.schedules ?? [];
    for (const schedule of schedules) model.expand(schedule.id);
    const readStarted = performance.now();
    await model.read({ explicit: false, signal });
    const readMs = performance.now() - readStarted;
    const runs = schedules.reduce((sum, schedule) => sum + (model.runsOf(schedule.id)?.tasks.length ?? 0), 0);
    // What VS Code asks for after a refresh with every schedule expanded: the roots, then each one's rows.
    const build = () => {
      for (const root of provider.getChildren()) {
        provider.getTreeItem(root);
        if (root instanceof ScheduleNode) for (const child of provider.getChildren(root)) provider.getTreeItem(child);
      }
    };
    build();
    const samples: Sample[] = [];
    for (let i = 0; i < BUILD_RUNS; i++) samples.push(await timed(build));
    return [
      {
        name: `${schedules.length} schedules expanded: build the children, median`,
        value: median(samples.map((sample) => sample.wallMs)),
        unit: 'ms',
        budget: { max: 50 },
        how: `${BUILD_RUNS} runs after a warm-up: getChildren of the root and of every schedule (${runs} run rows in all) and getTreeItem of each row`,
        details: { wallMs: samples.map((sample) => round(sample.wallMs)), cpuMs: samples.map((sample) => round(sample.cpuMs)), runs },
      },
      {
        name: `${schedules.length} schedules expanded: read every schedule's runs`,
        value: readMs,
        unit: 'ms',
        how: `one cycle's side read over 127.0.0.1: ${schedules.length} GET /tasks?scheduled_task_id=… in parallel (once, not a median)`,
      },
    ];
  } finally {
    provider.dispose();
    model.dispose();
    await server.close();
  }
}
