// First: src/tree imports `vscode`, which this module stands in for.
import { treeViews } from '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { TaskSchema } from '../../../src/api/taskSchema';
import { readStoredTask, TASK_COUNT_FIELDS, TASK_TEXT_FIELDS } from '../../../src/api/taskFields';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { GroupNode } from '../../../src/tree/groupNode';
import { KeptPages } from '../../../src/tree/keptPages';
import { keptRootsAtStart } from '../../../src/tree/keptRoots';
import { MessageNode } from '../../../src/tree/messageNode';
import { TaskNode } from '../../../src/tree/taskNode';
import { registerTaskView, type TaskTreeHost } from '../../../src/tree/taskView';
import type { TreeNode } from '../../../src/tree/treeNode';
import { ViewDescription } from '../../../src/tree/viewDescription';
import { memoryConnections } from '../connections/memoryStores';
import { makeTask } from '../polling/memoryTaskSource';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stored tasks read without zod', () => {
  it('knows exactly the fields TaskSchema has', () => {
    const shape = Object.keys(TaskSchema.shape).filter((field) => field !== 'id' && field !== 'metadata').sort();
    assert.deepEqual([...TASK_TEXT_FIELDS, ...TASK_COUNT_FIELDS].sort(), shape);
  });

  it('reads a stored task as TaskSchema would, leaving out what is of the wrong kind', () => {
    const task = makeTask(Date.now(), { task_status: 'FAILED', failed_records: 3, metadata: { bucket: 'b' } });
    assert.deepEqual(readStoredTask(JSON.parse(JSON.stringify(task))), TaskSchema.parse(JSON.parse(JSON.stringify(task))));
    assert.deepEqual(readStoredTask({ id: 'task_1', file_name: 42, failed_records: '3', total_records: 1.5, metadata: [1], task_status: null }), { id: 'task_1' });
    for (const junk of [null, 'task_1', [], { id: '' }, { id: 7 }]) assert.equal(readStoredTask(junk), undefined);
  });
});

describe('the Tasks view before core loads, with a kept page', () => {
  afterEach(() => treeViews.splice(0));

  async function setUp(kept: boolean) {
    const parts = memoryConnections();
    const connection = await parts.store.add({ name: 'Acme · Sandbox', apiUrl: 'https://sandbox.example.com/v1' }, 'fp_key');
    const tasks = [makeTask(Date.now(), { task_status: 'PROCESSING', file_name: 'kept-running.csv' }), makeTask(Date.now(), { task_status: 'COMPLETED' })];
    if (kept) await new KeptPages(parts.state).save(connection.id, tasks, Date.now() - 60_000);
    const keys = new ApiKeyStore(parts.store);
    let loads = 0;
    const coreRoots: TreeNode[] = [new MessageNode('empty', 'from core')];
    const host: TaskTreeHost = {
      provider: { getChildren: async () => coreRoots, getTreeItem: () => ({ label: 'core item' }), onDidChangeTreeData: () => ({ dispose: () => undefined }) } as unknown as vscode.TreeDataProvider<TreeNode>,
      attach: () => undefined,
    };
    const disposables = registerTaskView(keys, new ViewDescription(parts.store), () => ((loads += 1), host), (id) => keptRootsAtStart(parts.state, id, new Date()));
    const provider = treeViews.at(-1)!.treeDataProvider as vscode.TreeDataProvider<TreeNode> & { onDidChangeTreeData: vscode.Event<unknown> };
    let fired = 0;
    provider.onDidChangeTreeData(() => (fired += 1));
    return { provider, tasks, loads: () => loads, fired: () => fired, coreRoots, dispose: () => { disposables.forEach((d) => d.dispose()); keys.dispose(); parts.dispose(); } };
  }

  it('answers with the kept rows from activation\'s own code, then loads core once VS Code has asked for them, and hands over', async () => {
    const view = await setUp(true);
    try {
      const roots = (await view.provider.getChildren(undefined))!;
      assert.equal(view.loads(), 0, 'core is not loaded to answer');
      assert.equal((roots[0] as MessageNode).kind, 'kept');
      const groups = roots.filter((root): root is GroupNode => root instanceof GroupNode);
      assert.deepEqual(groups.map((group) => group.key), ['running', 'completed']);
      const item = await view.provider.getTreeItem(groups[0]!.children[0]!);
      assert.equal(item.label, 'kept-running.csv', 'drawn without core');
      assert.equal(view.loads(), 0);
      for (const group of groups) assert.equal((await view.provider.getChildren(group))!.length, 1);
      await wait(10);
      assert.equal(view.loads(), 1, 'core loads once the rows were asked for');
      assert.equal(view.fired(), 1, 'and VS Code is told to ask core');
      assert.deepEqual(await view.provider.getChildren(undefined), view.coreRoots);
      const early = groups[0]!.children[0] as TaskNode;
      assert.equal((await view.provider.getTreeItem(early)).label, 'kept-running.csv', 'a kept row still on screen is drawn here, not by core');
    } finally {
      view.dispose();
    }
  });

  it('loads core after a short grace when the rows are never asked for (collapsed groups)', async () => {
    const view = await setUp(true);
    try {
      await view.provider.getChildren(undefined);
      await wait(100);
      assert.equal(view.loads(), 0);
      await wait(250);
      assert.equal(view.loads(), 1);
    } finally {
      view.dispose();
    }
  });

  it('without a kept page, asks core straight away', async () => {
    const view = await setUp(false);
    try {
      assert.deepEqual(await view.provider.getChildren(undefined), view.coreRoots);
      assert.equal(view.loads(), 1);
    } finally {
      view.dispose();
    }
  });
});
