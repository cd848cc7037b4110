// First: src/tree imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { FlexpriceApiError } from '../../../src/api/apiError';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import type { GroupNode } from '../../../src/tree/groupNode';
import { KeptPages } from '../../../src/tree/keptPages';
import { keptMarkNode } from '../../../src/tree/keptRoots';
import { MessageNode } from '../../../src/tree/messageNode';
import type { TaskNode } from '../../../src/tree/taskNode';
import { TaskTreeProvider } from '../../../src/tree/taskTreeProvider';
import type { TreeNode } from '../../../src/tree/treeNode';
import { FakeClock } from '../polling/fakeClock';
import { MemoryTaskSource, makeTask } from '../polling/memoryTaskSource';
import { MemoryState } from '../connections/memoryStores';

const ids = (roots: TreeNode[]) =>
  roots.flatMap((node) => ('children' in node ? (node as GroupNode).children.map((row) => (row as TaskNode).task.id) : []));
const messages = (roots: TreeNode[]) => roots.filter((node): node is MessageNode => node instanceof MessageNode);

describe('KeptPages', () => {
  it('keeps a connection\'s first page without error summaries, and each connection its own', async () => {
    const state = new MemoryState();
    const pages = new KeptPages(state);
    const failed = makeTask(Date.now(), { task_status: 'FAILED', error_summary: 'Record 1: bad row; '.repeat(10_000) });
    await pages.save('sandbox', [failed], 1_000);
    await pages.save('production', [makeTask(Date.now())], 2_000);
    const kept = pages.load('sandbox');
    assert.equal(kept?.savedAt, 1_000);
    assert.deepEqual(kept?.tasks.map((task) => task.id), [failed.id]);
    assert.equal(kept?.tasks[0]?.error_summary, undefined, 'no summary is kept');
    assert.ok(JSON.stringify(state.values.get('flexprice.keptPage.sandbox')).length < 2_000, 'a huge summary does not reach storage');
    assert.notDeepEqual(pages.load('production')?.tasks.map((task) => task.id), [failed.id]);
    assert.equal(pages.load('nobody'), undefined);
  });

  it('reads a kept copy like an answer: junk is dropped, and a page of nothing but junk is no page', () => {
    const good = makeTask(Date.now());
    const pages = new KeptPages(new MemoryState({
      'flexprice.keptPage.a': { savedAt: 5, tasks: [good, { id: 42 }, null, 'task_x'] },
      'flexprice.keptPage.b': { savedAt: 5, tasks: [{ nope: true }] },
      'flexprice.keptPage.c': { savedAt: 'yesterday', tasks: [good] },
      'flexprice.keptPage.d': [good],
    }));
    assert.deepEqual(pages.load('a')?.tasks.map((task) => task.id), [good.id]);
    for (const id of ['b', 'c', 'd']) assert.equal(pages.load(id), undefined, id);
  });
});

describe('TaskTreeProvider with a kept page', () => {
  let clock: FakeClock;
  let source: MemoryTaskSource;
  let poller: TaskPoller;
  let provider: TaskTreeProvider;
  let fired: number;

  beforeEach(() => {
    clock = new FakeClock();
    source = new MemoryTaskSource();
    poller = new TaskPoller({ source: async () => source, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
    provider = new TaskTreeProvider(poller, () => 'http://127.0.0.1/v1', 'status', clock);
    fired = 0;
    provider.onDidChangeTreeData(() => (fired += 1));
  });

  afterEach(() => {
    provider.dispose();
    poller.dispose();
  });

  it('answers the first ask at once with the kept rows, marked "As of …, refreshing…", before the server answers', async () => {
    const old = makeTask(clock.now(), { task_status: 'PROCESSING' });
    provider.setKeptPage({ savedAt: clock.now() - 5 * 60_000, tasks: [old] });
    source.holdAnswers = true;
    poller.setVisible(true);
    const roots = await provider.getChildren();
    assert.deepEqual(ids(roots), [old.id], 'the kept rows, though the request has not been answered');
    const [mark] = messages(roots);
    assert.equal(mark?.kind, 'kept');
    assert.match(mark?.text ?? '', /^As of /);
    assert.equal(mark?.detail, 'refreshing…');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(source.count('list'), 1, 'and one live read is on its way');

    // VS Code asks for the groups' rows next, a round trip later.
    for (const root of roots) if ('children' in root) await provider.getChildren(root);
    await clock.advance(50);
    const live = makeTask(clock.now(), { task_status: 'COMPLETED' });
    source.add(live);
    const before = fired;
    source.holdAnswers = false;
    source.releaseHeld();
    await poller.idle();
    assert.ok(fired > before, 'the live answer redraws the tree');
    const after = await provider.getChildren();
    assert.deepEqual(ids(after), [live.id], 'the live answer replaces the kept rows');
    assert.deepEqual(messages(after), [], 'and the mark goes');
  });

  it('holds the live redraw until VS Code has asked for the kept rows, so they show before they are replaced', async () => {
    provider.setKeptPage({ savedAt: clock.now() - 60_000, tasks: [makeTask(clock.now(), { task_status: 'PROCESSING' })] });
    source.holdAnswers = true;
    poller.setVisible(true);
    const roots = await provider.getChildren();
    source.add(makeTask(clock.now(), { task_status: 'COMPLETED' }));
    const before = fired;
    source.holdAnswers = false;
    source.releaseHeld();
    await poller.idle();
    assert.equal(fired, before, 'the answer came before VS Code asked for the kept rows: no redraw yet');
    const group = roots.find((root): root is GroupNode => 'children' in root)!;
    await provider.getChildren(group);
    assert.equal(fired, before, 'asked: VS Code is left a moment to paint them');
    await clock.advance(50);
    assert.equal(fired, before + 1, 'then one redraw for everything held back');
  });

  it('redraws after a short grace when VS Code never asks for the kept rows (a collapsed group)', async () => {
    provider.setKeptPage({ savedAt: clock.now() - 60_000, tasks: [makeTask(clock.now())] });
    poller.setVisible(true);
    await provider.getChildren();
    await poller.idle();
    const before = fired;
    await clock.advance(200);
    assert.equal(fired, before, 'still within the grace');
    await clock.advance(100);
    assert.equal(fired, before + 1, 'then redrawn once');
  });

  it('keeps the kept rows and the mark when the first read fails, with the error row saying why', async () => {
    const old = makeTask(clock.now());
    provider.setKeptPage({ savedAt: clock.now() - 60_000, tasks: [old] });
    source.failNext.push(new FlexpriceApiError('unreachable', 'connect ECONNREFUSED 127.0.0.1:9'));
    poller.setVisible(true);
    await provider.getChildren();
    await poller.idle();
    const roots = await provider.getChildren();
    assert.deepEqual(ids(roots), [old.id]);
    const kinds = messages(roots).map((node) => [node.kind, node.detail]);
    assert.deepEqual(kinds.map(([kind]) => kind), ['error', 'kept']);
    assert.equal(kinds[1]?.[1], 'not refreshed');
    assert.match(messages(roots)[0]!.text, /ECONNREFUSED|reach/);
  });

  it('shows no kept rows under a filter: they are the unfiltered page', async () => {
    provider.setKeptPage({ savedAt: clock.now(), tasks: [makeTask(clock.now(), { task_status: 'COMPLETED' })] });
    source.holdAnswers = true;
    void poller.setFilter({ taskStatus: 'FAILED' });
    poller.setVisible(true);
    const answer = provider.getChildren();
    source.holdAnswers = false;
    source.releaseHeld();
    const roots = await answer;
    assert.deepEqual(ids(roots), []);
    assert.ok(!messages(roots).some((node) => node.kind === 'kept'));
  });

  it('"As of" says the time for today, and the day too for an older copy', () => {
    const node = (savedAt: number) => keptMarkNode({ savedAt, tasks: [] }, new Date(clock.now()), false).text;
    assert.match(node(clock.now() - 60_000), /^As of \d{1,2}:\d{2}/);
    assert.match(node(clock.now() - 3 * 24 * 3_600_000), /^As of [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}/);
  });
});
