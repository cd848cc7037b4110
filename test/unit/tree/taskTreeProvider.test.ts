// First: src/tree imports `vscode`, which this module stands in for.
import { MarkdownString } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import type { Task } from '../../../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import type { GroupNode } from '../../../src/tree/groupNode';
import type { TaskNode } from '../../../src/tree/taskNode';
import { TaskTreeProvider } from '../../../src/tree/taskTreeProvider';
import type { TreeNode } from '../../../src/tree/treeNode';
import { FakeClock } from '../polling/fakeClock';
import { MemoryTaskSource, makeTask } from '../polling/memoryTaskSource';

type Fired = TreeNode | TreeNode[] | undefined;

describe('TaskTreeProvider', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;
  let provider: TaskTreeProvider;
  let fired: Fired[];

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    poller = new TaskPoller({ source: async () => source, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
    provider = new TaskTreeProvider(poller, () => 'http://127.0.0.1/v1', 'status', clock);
    fired = [];
    provider.onDidChangeTreeData((nodes) => fired.push(nodes));
  });

  afterEach(() => {
    provider.dispose();
    poller.dispose();
  });

  /** Loads the tasks and asks for the rows, as VS Code does when the view opens. */
  async function show(...tasks: Task[]): Promise<GroupNode[]> {
    source.add(...tasks);
    poller.setVisible(true);
    await poller.idle();
    const roots = await provider.getChildren();
    fired.length = 0;
    return roots.filter((node): node is GroupNode => 'children' in node);
  }

  const rowsOf = (event: Fired) => (Array.isArray(event) ? event.map((node) => `${(node as TaskNode).groupKey}/${(node as TaskNode).task.id}`) : event);

  it('answers the first ask for rows with the tasks, without asking VS Code to ask again', async () => {
    source.add(makeTask(clock.now(), { task_status: 'PROCESSING' }), makeTask(clock.now(), { task_status: 'COMPLETED' }));
    const answer = provider.getChildren();
    poller.setVisible(true);
    const groups = (await answer).filter((node): node is GroupNode => 'children' in node);
    assert.deepEqual(groups.map((group) => group.children.length), [1, 1]);
    assert.equal(poller.state.kind, 'current');
    assert.deepEqual(fired, []);
  });

  it('does not redraw after a cycle that brought nothing new', async () => {
    await show(makeTask(clock.now(), { task_status: 'PROCESSING' }));
    await clock.runNext();
    await poller.refresh();
    assert.equal(poller.state.kind, 'current');
    assert.deepEqual(fired, []);
  });

  it('redraws at the first quiet cycle 30 s after the last drawing, so "3 min ago" is never half a minute behind', async () => {
    await show(makeTask(clock.now(), { task_status: 'PROCESSING' }));
    // Cycles 2, 3, 4.5, 6.75, 10.1 and 15.2 s apart: the one at 41.6 s is the first past 30 s.
    await clock.advance(41_000);
    assert.deepEqual(fired, []);
    await clock.advance(1_000);
    assert.deepEqual(fired, [undefined]);
  });

  it('redraws every 30 s while the view is visible even when nothing polls, and never while hidden', async () => {
    await show(makeTask(clock.now(), { task_status: 'COMPLETED' }));
    assert.equal(poller.isScheduled, false, 'nothing is running, so nothing polls');
    provider.setVisible(true);
    await clock.advance(30_000);
    assert.deepEqual(fired, [undefined]);
    await provider.getChildren();
    await clock.advance(30_000);
    assert.deepEqual(fired, [undefined, undefined]);
    provider.setVisible(false);
    await clock.advance(120_000);
    assert.equal(fired.length, 2);
    assert.equal(clock.pendingTimers, 0, 'no timer while hidden');
  });

  it('redraws when the state changes what it shows: an error, each error, and the recovery', async () => {
    await show(makeTask(clock.now()));
    const failure = () => new FlexpriceApiError('server_error', 'Flexprice answered 503.', { status: 503 });
    source.failNext.push(failure(), failure());
    await poller.refresh();
    await poller.refresh();
    await poller.refresh();
    assert.deepEqual(fired, [undefined, undefined, undefined]);
  });

  it('refreshes only the rows of a task that changed in its group, Watched included', async () => {
    const [a, b] = [makeTask(clock.now()), makeTask(clock.now())];
    await show(a, b);
    poller.setPinned([a.id]);
    await poller.idle();
    await provider.getChildren();
    fired.length = 0;
    source.update(a.id, { processed_records: 10 });
    await poller.refresh();
    assert.deepEqual(fired.map(rowsOf), [[`watched/${a.id}`, `running/${a.id}`]]);
    assert.equal((fired[0] as TaskNode[])[1].task.processed_records, 10);
  });

  it('redraws everything when a task moves to another group', async () => {
    const a = makeTask(clock.now());
    await show(a, makeTask(clock.now()));
    source.update(a.id, { task_status: 'COMPLETED' });
    await poller.refresh();
    assert.deepEqual(fired, [undefined]);
  });

  it('leaves a row\'s tooltip to resolveTreeItem, which VS Code calls on hover', async () => {
    const [running] = await show(makeTask(clock.now(), { file_name: 'events.csv' }));
    const row = (await provider.getChildren(running))[0];
    const item = provider.getTreeItem(row);
    assert.equal(item.tooltip, undefined);
    const tooltip = provider.resolveTreeItem(item, row).tooltip;
    assert.ok(tooltip instanceof MarkdownString);
    assert.match(tooltip.value, /\*\*File:\*\* events\\\.csv/);
  });
});
