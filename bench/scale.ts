import type { GroupNode } from '../src/tree/groupNode';
import type { TreeNode } from '../src/tree/treeNode';
import { median, round, type Figure, type Section } from './report';
import { changeRunningTasks } from './scale/changeRunningTasks';
import { countChangeEvents } from './scale/changeEvents';
import { forcedGc, settledHeapUsed } from './scale/forcedGc';
import { loadTaskTree, type LoadedTaskTree } from './scale/loadedTaskTree';
import { timed, type Sample } from './scale/timedSamples';

/*
 * Figure 5: an account with 10,000 tasks, every page loaded, in the real TaskPoller and the
 * sidebar's listeners (src/tree runs in plain Node on the `vscode` stand-in the unit tests use).
 * Lists come from the local Flexprice server through the real FlexpriceClient over 127.0.0.1;
 * timed cycles are handed a list the client fetched just before, so they hold no network time.
 */

const TASKS = 10_000;
/** The largest page the setting allows, so loading takes 10 "Load more" steps rather than 200. */
const PAGE_SIZE = 1000;
const RUNS = 15;
/** Each timed cycle needs a fresh fetch of all 10,000 tasks (~0.5 s), hence fewer runs. */
const CYCLE_RUNS = 11;
const CHANGED_PER_CYCLE = 20;
const HEAP_CYCLES = 10_000;
/** Every this many heap cycles the list has tasks changed; every ten times that, the tree rebuilds its roots. */
const HEAP_CHANGE_EVERY = 100;
const MB = 1024 * 1024;

export async function run(): Promise<Section> {
  const gc = forcedGc();
  const tree = await loadTaskTree(TASKS, PAGE_SIZE);
  try {
    const figures = [
      ...(await treeFigures(tree)),
      ...(await cycleFigures(tree)),
      ...(await timerCycleFigures(tree)),
      await heapFigure(tree, gc),
    ];
    return { id: 'scale', title: `Scale (${TASKS.toLocaleString('en-US')} tasks)`, figures };
  } finally {
    await tree.close();
  }
}

const wall = (samples: readonly Sample[]) => median(samples.map((sample) => sample.wallMs));
const cpu = (samples: readonly Sample[]) => median(samples.map((sample) => sample.cpuMs));
const rounded = (samples: readonly Sample[]) => samples.map((sample) => round(sample.wallMs));

/** What VS Code asks the provider for: a group's children, then a TreeItem for each. */
async function treeFigures({ provider, load }: LoadedTaskTree): Promise<Figure[]> {
  const roots = await provider.getChildren();
  const groups = roots.filter((node): node is GroupNode => 'children' in node);
  const largest = groups.reduce((a, b) => (b.children.length > a.children.length ? b : a));
  const expand = async (group: TreeNode) => {
    for (const child of await provider.getChildren(group)) provider.getTreeItem(child);
  };
  const groupRuns: Sample[] = [];
  for (let i = 0; i < RUNS; i++) groupRuns.push(await timed(() => expand(largest)));
  // After a full refresh VS Code asks again for the roots and, groups being expanded, every row.
  const wholeRuns: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    wholeRuns.push(await timed(async () => {
      for (const root of await provider.getChildren()) {
        provider.getTreeItem(root);
        if ('children' in root) await expand(root);
      }
    }));
  }
  return [
    {
      name: `largest group's rows (${largest.children.length.toLocaleString('en-US')})`,
      value: wall(groupRuns),
      unit: 'ms',
      budget: { max: 50 },
      how: `getChildren(group) + getTreeItem() for each row of "${largest.title}", median of ${RUNS} runs (wall clock), tree code in Node on the vscode stand-in; ${TASKS} tasks loaded by TaskPoller.loadMore from the local server (${load.pages} pages of ${PAGE_SIZE}).`,
      details: { cpuMedianMs: round(cpu(groupRuns)), samplesMs: rounded(groupRuns), groups: groups.map((g) => ({ title: g.title, rows: g.children.length })), load: { ...load, ms: round(load.ms) } },
    },
    {
      name: 'whole tree after a full refresh',
      value: wall(wholeRuns),
      unit: 'ms',
      how: `getChildren() for the roots (grouping all ${TASKS} tasks) + getTreeItem() for every group and row, as VS Code asks after onDidChangeTreeData(undefined) with the groups expanded; median of ${RUNS}.`,
      details: { cpuMedianMs: round(cpu(wholeRuns)), samplesMs: rounded(wholeRuns) },
    },
  ];
}

/** Poller diff + change events + the tree's listeners, for a cycle with no change and one with some. */
async function cycleFigures(tree: LoadedTaskTree): Promise<Figure[]> {
  const { poller, source, provider } = tree;
  const query = { ...poller.activeFilter, limit: PAGE_SIZE * tree.load.pages, offset: 0 };
  const events = countChangeEvents(poller, provider);
  const fetchRuns: Sample[] = [];
  /** One cycle on a list fetched over HTTP just before (timed apart), as the poller gets it: freshly parsed. */
  const cycle = async () => {
    fetchRuns.push(await timed(() => source.prefetch(query)));
    return timed(() => poller.refresh());
  };
  const unchanged: Sample[] = [];
  for (let i = 0; i < CYCLE_RUNS; i++) unchanged.push(await cycle());
  const quiet = events.take();
  const changed: Sample[] = [];
  for (let i = 0; i < CYCLE_RUNS; i++) {
    changeRunningTasks(tree.server, CHANGED_PER_CYCLE);
    changed.push(await cycle());
  }
  const busy = events.take();
  events.dispose();
  const how = (what: string) =>
    `TaskPoller.refresh() on a ${TASKS}-task list the real client fetched from the local server just before (network and JSON parsing excluded, timed separately), ${what}; the sidebar's listeners (TaskTreeProvider, TaskStatusBar, TaskNotifier) wired as TaskTree wires them; median of ${CYCLE_RUNS} (wall clock; no GC forced, so collections the fresh list causes count, as they would).`;
  return [
    {
      name: 'refresh cycle, nothing changed',
      value: wall(unchanged),
      unit: 'ms',
      budget: { max: 20 },
      how: how('identical to the loaded one'),
      details: { cpuMedianMs: round(cpu(unchanged)), samplesMs: rounded(unchanged), eventsPerCycle: perCycle(quiet) },
    },
    {
      name: `refresh cycle, ${CHANGED_PER_CYCLE} tasks changed`,
      value: wall(changed),
      unit: 'ms',
      budget: { max: 20 },
      how: how(`with ${CHANGED_PER_CYCLE / 2} running tasks finished and ${CHANGED_PER_CYCLE / 2} progressed on the server`),
      details: { cpuMedianMs: round(cpu(changed)), samplesMs: rounded(changed), eventsPerCycle: perCycle(busy) },
    },
    {
      name: `fetch + parse of the ${TASKS.toLocaleString('en-US')}-task list`,
      value: wall(fetchRuns),
      unit: 'ms',
      how: `The part left out above: FlexpriceClient.listTasks(limit ${query.limit}) over 127.0.0.1 to the local server, response parsed by the zod schema; median of ${fetchRuns.length}.`,
      details: { cpuMedianMs: round(cpu(fetchRuns)) },
    },
  ];
}

/**
 * Timer-driven cycles as they run: a change read over 127.0.0.1 (request, parse, diff and the
 * sidebar's listeners all inside the time), not the full read that Refresh makes.
 */
async function timerCycleFigures(tree: LoadedTaskTree): Promise<Figure[]> {
  const { poller, server, clock } = tree;
  const cycle = () => timed(async () => {
    await clock.runNext();
    await poller.idle();
  });
  const requestsBefore = server.requests.count({ path: '/v1/tasks' });
  const quiet: Sample[] = [];
  for (let i = 0; i < CYCLE_RUNS; i++) quiet.push(await cycle());
  const busy: Sample[] = [];
  for (let i = 0; i < CYCLE_RUNS; i++) {
    changeRunningTasks(server, CHANGED_PER_CYCLE, new Date().toISOString());
    busy.push(await cycle());
  }
  const requests = (server.requests.count({ path: '/v1/tasks' }) - requestsBefore) / (2 * CYCLE_RUNS);
  const how = (what: string) =>
    `A cycle run by the poller's timer with all ${TASKS.toLocaleString('en-US')} tasks loaded, ${what}: GET /tasks?sort=updated_at for what changed since the last read, over 127.0.0.1 to the local server, parsed, merged and handed to the sidebar's listeners; median of ${CYCLE_RUNS}; ${requests.toFixed(1)} list requests per cycle. The local server runs in the same process, so its own filtering and sorting of the ${TASKS.toLocaleString('en-US')} tasks for each request is inside the time (no budget: the refresh-cycle budget above is for our part).`;
  return [
    { name: 'timer cycle over HTTP, nothing changed', value: wall(quiet), unit: 'ms', how: how('nothing changed'), details: { samplesMs: rounded(quiet) } },
    {
      name: `timer cycle over HTTP, ${CHANGED_PER_CYCLE} tasks changed`,
      value: wall(busy),
      unit: 'ms',
      how: how(`${CHANGED_PER_CYCLE} running tasks changed on the server`),
      details: { samplesMs: rounded(busy) },
    },
  ];
}

function perCycle(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, round(count / CYCLE_RUNS, 2)]));
}

/**
 * heapUsed after forced GCs, before and after HEAP_CYCLES cycles. The two lists are fetched over
 * HTTP up front (10,000 fetches would take over an hour): the same one most cycles, and every
 * HEAP_CHANGE_EVERY-th one with tasks changed, so change events and tree updates run too. Both are held throughout,
 * so what could grow is what the poller and the tree keep per cycle.
 */
async function heapFigure(tree: LoadedTaskTree, gc: () => void): Promise<Figure> {
  const { poller, source, provider } = tree;
  const query = { ...poller.activeFilter, limit: PAGE_SIZE * tree.load.pages, offset: 0 };
  const quiet = await source.fetch(query);
  changeRunningTasks(tree.server, CHANGED_PER_CYCLE);
  const busy = await source.fetch(query);
  const cycle = async (i: number) => {
    source.hold(i % HEAP_CHANGE_EVERY === 0 ? busy : quiet);
    await poller.refresh();
    // VS Code asks for the roots again after a full refresh; ask now and then, as it would.
    if (i % (HEAP_CHANGE_EVERY * 10) === 0) await provider.getChildren();
  };
  // The loop starts and ends on the same list, so the two heap readings hold the same data.
  await cycle(1);
  await provider.getChildren();
  const before = settledHeapUsed(gc);
  const started = performance.now();
  for (let i = 2; i <= HEAP_CYCLES + 1; i++) await cycle(i);
  await provider.getChildren();
  const seconds = (performance.now() - started) / 1000;
  const after = settledHeapUsed(gc);
  return {
    name: `heap growth over ${HEAP_CYCLES.toLocaleString('en-US')} cycles`,
    value: (after - before) / MB,
    unit: 'MB',
    budget: { max: 1 },
    how: `heapUsed after forced full GCs (v8 --expose-gc set at run time) before and after ${HEAP_CYCLES} TaskPoller.refresh() cycles over ${TASKS} tasks with the sidebar's listeners; two lists fetched over HTTP beforehand, every ${HEAP_CHANGE_EVERY}th cycle getting the one with ${CHANGED_PER_CYCLE} tasks changed (and the next one back); every ${HEAP_CHANGE_EVERY * 10}th asks the tree for its roots.`,
    details: { beforeMB: round(before / MB), afterMB: round(after / MB), loopSeconds: round(seconds, 1) },
  };
}
