import { DEFAULT_POLL_SETTINGS } from '../src/polling/pollSettings';
import { watchWithList } from './polling/listBaseline';
import { watchPerTask } from './polling/perTaskBaseline';
import { runScenario, SCENARIO, type ScenarioResult } from './polling/scenarioRun';
import { watchWithTaskPoller, type TaskPollerOutcome } from './polling/taskPollerWatcher';
import { mean, median, round, type Figure, type Section } from './report';

/*
 * What keeping 100 running tasks up to date costs, for the TaskPoller and two baselines, each on
 * its own fresh local server with the same scenario: 100 imports created PENDING, each finishing
 * (about 10 % FAILED) at a seeded moment within 300 s, all read through the real FlexpriceClient
 * over HTTP on 127.0.0.1. Server and watcher share one clock compressed SCALE times; all times
 * are in that (server) time.
 *
 * The runs never overlap while delays are measured, so one watcher's bursts cannot slow another's
 * responses. The one overlap saves half a minute: once the TaskPoller has seen every finish, only
 * its retry-window tail is left (a list request every 30 s of server time, 3 s of wall time), and
 * baseline (b) runs during it; baseline (a), which the budgets compare against, runs alone.
 */

const SCALE = 10;

interface Run {
  readonly label: string;
  readonly result: ScenarioResult;
}

const seconds = (ms: number) => round(ms / 1000, 2);

function delayStats(result: ScenarioResult) {
  const delays = result.delaysMs;
  return {
    seen: `${result.seen}/${result.tasks}`,
    meanSeconds: seconds(mean(delays)),
    medianSeconds: seconds(median(delays)),
    worstSeconds: seconds(Math.max(...delays)),
  };
}

/** A figure over the delays, null unless every finish was seen (a partial mean would flatter). */
function delayFigure(run: Run, kind: 'mean' | 'worst', how: string): Figure {
  const { result } = run;
  const complete = result.seen === result.tasks;
  const value = kind === 'mean' ? mean(result.delaysMs) : Math.max(...result.delaysMs);
  return {
    name: `${run.label}: ${kind} delay`,
    value: complete ? seconds(value) : null,
    unit: 's',
    how: complete ? how : `only ${result.seen} of ${result.tasks} finishes were seen before the deadline`,
    details: delayStats(result),
  };
}

function requestFigure(run: Run, how: string): Figure {
  const { result } = run;
  return {
    name: `${run.label}: requests`,
    value: result.requestsUntilAllSeen ?? null,
    unit: 'requests',
    how: result.requestsUntilAllSeen === undefined ? `only ${result.seen} of ${result.tasks} finishes were seen` : how,
    details: { ...delayStats(result), wallSeconds: seconds(result.wallMs) },
  };
}

export async function run(): Promise<Section> {
  let outcome: TaskPollerOutcome | undefined;
  let oursSawAll!: () => void;
  const oursSeenAll = new Promise<void>((resolve) => (oursSawAll = resolve));
  const oursRun = runScenario(SCALE, async (context) => void (outcome = await watchWithTaskPoller(context)), oursSawAll);
  await Promise.race([oursSeenAll, oursRun]);
  const list: Run = { label: '(b) list /5 s', result: await runScenario(SCALE, watchWithList) };
  const ours: Run = { label: 'TaskPoller', result: await oursRun };
  const perTask: Run = { label: '(a) GET each task /5 s', result: await runScenario(SCALE, watchPerTask) };

  const scenario = `${SCENARIO.tasks} PENDING tasks finishing (seed ${SCENARIO.seed}, ${ours.result.failedTasks} FAILED) within ${SCENARIO.windowMs / 1000} s, clock ×${SCALE}, fresh local server per run, real client over 127.0.0.1`;
  const untilSeen = 'requests the server received until the last finish was reported';
  const oursSeen = ours.result.requestsUntilAllSeen;
  const perTaskRequests = perTask.result.requestsUntilAllSeen;
  const delayHow = `server-clock time from each task's finish on the server to the watcher reporting it (TaskPoller: onDidFinishTask; baselines: the response showing COMPLETED/FAILED), mean over all ${SCENARIO.tasks}; each wall-clock ms of a round trip counts as ${SCALE} ms`;
  const meanOurs = ours.result.seen === ours.result.tasks ? mean(ours.result.delaysMs) : undefined;
  const meanPerTask = perTask.result.seen === perTask.result.tasks ? mean(perTask.result.delaysMs) : undefined;

  const figures: Figure[] = [
    requestFigure(ours, `${untilSeen}; default settings, view visible, window focused, page size ${outcome?.pageSize} so all ${SCENARIO.tasks} are on page one; ${scenario}`),
    {
      name: 'TaskPoller: requests until it stopped',
      value: outcome?.stoppedAtMs === undefined ? null : ours.result.requests,
      unit: 'requests',
      how: outcome?.stoppedAtMs === undefined
        ? 'the poller had not stopped by the deadline'
        : `every request of the run; the poller stopped by itself at ${seconds(outcome.stoppedAtMs)} s, its last request at ${seconds(ours.result.lastRequestAtMs)} s (FAILED tasks stay watched for the ${DEFAULT_POLL_SETTINGS.retryWindowMs / 60_000}-minute retry window)`,
      details: { stoppedAtSeconds: outcome?.stoppedAtMs === undefined ? null : seconds(outcome.stoppedAtMs), lastRequestAtSeconds: seconds(ours.result.lastRequestAtMs), wallSeconds: seconds(ours.result.wallMs) },
    },
    requestFigure(perTask, `${untilSeen}; baseline (a): every 5 s one GET /tasks/{id} per task not yet seen finished, IDs given for free`),
    requestFigure(list, `${untilSeen}; baseline (b): every 5 s one GET /tasks with all ${SCENARIO.tasks} on one page (run during the TaskPoller's retry-window tail, see polling.ts)`),
    {
      name: 'requests (a) / TaskPoller, until all seen',
      value: oursSeen && perTaskRequests ? round(perTaskRequests / oursSeen, 1) : null,
      unit: 'x',
      budget: { min: 15 },
      how: 'baseline (a)\'s requests over the TaskPoller\'s, both until every finish was seen (details: with the TaskPoller\'s retry-window tail counted too)',
      details: {
        includingRetryWindowTail: outcome?.stoppedAtMs !== undefined && perTaskRequests ? round(perTaskRequests / ours.result.requests, 1) : null,
      },
    },
    delayFigure(ours, 'mean', delayHow),
    delayFigure(perTask, 'mean', delayHow),
    delayFigure(list, 'mean', delayHow),
    {
      name: 'mean delay: TaskPoller − (a)',
      value: meanOurs !== undefined && meanPerTask !== undefined ? seconds(meanOurs - meanPerTask) : null,
      unit: 's',
      budget: { max: 0 },
      how: 'the TaskPoller\'s mean delay minus baseline (a)\'s: above 0 means the TaskPoller reports finishes later on average',
    },
    delayFigure(ours, 'worst', delayHow.replace('mean over all', 'the largest of')),
    delayFigure(perTask, 'worst', delayHow.replace('mean over all', 'the largest of')),
    delayFigure(list, 'worst', delayHow.replace('mean over all', 'the largest of')),
  ];
  return { id: 'polling', title: `Polling cost (${SCENARIO.tasks} tasks, ${SCENARIO.windowMs / 1000} s, clock ×${SCALE})`, figures };
}
