import { IDLE_SPAN_MS, measureIdle, type IdleCase, type IdleResult } from './idle/idleRun';
import type { Figure, Section } from './report';

/*
 * What the extension costs while nothing needs watching: requests over 10 minutes of server time
 * (clock compressed SCALE times, so 20 s of wall time), after the view's first load. The cases run
 * at once, each with its own local server, clock and TaskPoller: only request counts are
 * measured, which do not depend on how busy the machine is. A visible poller with running tasks
 * is the control: it must poll, or the zeros would prove nothing.
 */

const SCALE = 30;
const MINUTES = IDLE_SPAN_MS / 60_000;

const CASES = {
  visibleNothingRunning: { server: 'finished', visible: true },
  hiddenNothingRunning: { server: 'finished', visible: false },
  hiddenTasksRunning: { server: 'running', visible: false },
  visibleTasksRunning: { server: 'running', visible: true },
} satisfies Record<string, IdleCase>;

type CaseName = keyof typeof CASES;

function howMeasured(idleCase: IdleCase, result: IdleResult): string {
  const server = idleCase.server === 'finished'
    ? 'the server holds only COMPLETED/FAILED tasks whose last change is an hour old (past the retry window)'
    : `${result.runningAtStart} tasks running on the server, finishing over the ${MINUTES} minutes`;
  const view = idleCase.visible ? 'view visible and window focused' : 'view hidden after its first load, no panel open';
  return `requests over ${MINUTES} min of server time (clock ×${SCALE}) after the first load; TaskPoller with default settings, ${view}; ${server}`;
}

export async function run(): Promise<Section> {
  const names = Object.keys(CASES) as CaseName[];
  const measured = await Promise.all(names.map((name) => measureIdle(CASES[name], SCALE)));
  const results = Object.fromEntries(names.map((name, index) => [name, measured[index]!])) as Record<CaseName, IdleResult>;
  const figure = (name: CaseName, label: string, budget: boolean): Figure => ({
    name: label,
    value: results[name].afterFirstLoad,
    unit: 'requests',
    ...(budget ? { budget: { max: 0 } } : {}),
    how: howMeasured(CASES[name], results[name]),
    details: { ...results[name] },
  });
  const first = results.visibleNothingRunning;
  return {
    id: 'idle',
    title: `Idle cost (${MINUTES} min, clock ×${SCALE})`,
    figures: [
      {
        name: 'nothing running: first load',
        value: first.firstLoad,
        unit: 'requests',
        how: 'requests of the first load when the view is shown, nothing running on the server (reported, not budgeted)',
      },
      figure('visibleNothingRunning', `nothing running, view visible: ${MINUTES} min`, true),
      figure('hiddenNothingRunning', `view hidden, nothing running: ${MINUTES} min`, true),
      figure('hiddenTasksRunning', `view hidden, tasks running: ${MINUTES} min`, true),
      figure('visibleTasksRunning', `control: view visible, tasks running: ${MINUTES} min`, false),
    ],
  };
}
