// First: src/tree imports `vscode`, which this module stands in for.
import '../vscodeStandIn';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { UnreadableTask } from '../../../src/api/taskSchema';
import { DEFAULT_POLL_SETTINGS } from '../../../src/polling/pollSettings';
import { TaskPoller } from '../../../src/polling/taskPoller';
import { GroupNode } from '../../../src/tree/groupNode';
import { MessageNode } from '../../../src/tree/messageNode';
import { TaskTreeProvider } from '../../../src/tree/taskTreeProvider';
import type { TreeNode } from '../../../src/tree/treeNode';
import { targetId, targetJson, targetTask } from '../../../src/tree/commandTarget';
import { UnreadableNode, unreadableNodes } from '../../../src/tree/unreadableNode';
import { PROJECT_ROOT } from '../../host/projectRoot';
import { clientFor } from '../api/clientFixture';
import { json, type RawServer, startRawServer } from '../api/rawServer';
import { completedExport, processingImport } from '../api/sampleTasks';
import { FakeClock } from '../polling/fakeClock';
import { MemoryTaskSource, makeTask } from '../polling/memoryTaskSource';

const textCount: UnreadableTask = { id: 'task_text_count', problem: 'total_records: expected number', raw: { id: 'task_text_count', total_records: '12' } };
const noId: UnreadableTask = { problem: 'id: expected string', raw: { task_status: 'PENDING' } };

/** The commands package.json offers on a row's context menu (inline or not), for its contextValue. */
function menuCommands(contextValue: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    contributes: { menus: { 'view/item/context': { command: string; when: string }[] } };
  };
  const offered = manifest.contributes.menus['view/item/context'].filter(({ when }) => {
    const pattern = /viewItem =~ \/(.+)\/$/.exec(when);
    const exact = /viewItem == (\S+)$/.exec(when);
    return pattern ? new RegExp(pattern[1]).test(contextValue) : exact?.[1] === contextValue;
  });
  return [...new Set(offered.map(({ command }) => command))].sort();
}

const labelOf = (node: TreeNode) => String(node.toTreeItem(new Date()).label);

describe('unreadable task rows', () => {
  it('say which task could not be read and why, and open it as JSON on click', () => {
    const [withId, withoutId] = unreadableNodes('unreadable', [textCount, noId], new Set());
    const item = withId.toTreeItem();
    assert.equal(item.label, 'Unreadable task task_text_count: total_records: expected number');
    assert.equal(withoutId.toTreeItem().label, 'Unreadable task: id: expected string');
    assert.deepEqual(item.command, { command: 'flexprice.openTaskAsJson', title: 'Open as JSON', arguments: [withId] });
    assert.equal((item.iconPath as { id: string }).id, 'warning');
  });

  it('offer Open as JSON and Copy Task ID, Unwatch when pinned, and never Watch or Open File', () => {
    const [row] = unreadableNodes('unreadable', [textCount], new Set());
    const [pinnedRow] = unreadableNodes('unreadable', [textCount], new Set([textCount.id!]));
    assert.deepEqual(menuCommands(row.toTreeItem().contextValue!), ['flexprice.copyTaskId', 'flexprice.openTaskAsJson']);
    assert.deepEqual(menuCommands(pinnedRow.toTreeItem().contextValue!), ['flexprice.copyTaskId', 'flexprice.openTaskAsJson', 'flexprice.unwatchTask']);
    const [idless] = unreadableNodes('unreadable', [noId], new Set());
    assert.equal(idless.toTreeItem().contextValue, 'task;unreadable;noid');
    assert.ok(menuCommands(idless.toTreeItem().contextValue!).includes('flexprice.openTaskAsJson'));
  });

  it('give the commands the item as the server sent it, its ID when it has one, and never a task', () => {
    const [withId, withoutId] = unreadableNodes('unreadable', [textCount, noId], new Set());
    const known = () => undefined;
    // Open as JSON shows the raw item; Copy ID and Unwatch take its ID; Watch and Open File get no task.
    assert.deepEqual([withId, withoutId].map((node) => [targetJson(node, known), targetId(node), targetTask(node, known)]), [
      [{ id: 'task_text_count', total_records: '12' }, 'task_text_count', undefined],
      [{ task_status: 'PENDING' }, undefined, undefined],
    ]);
  });

  it('have tree ids that stay unique for repeated and missing ids', () => {
    const nodes = unreadableNodes('unreadable', [textCount, noId, textCount, noId], new Set());
    const ids = nodes.map((node) => node.toTreeItem().id);
    assert.deepEqual(ids, ['unreadable:unreadable/id:task_text_count', 'unreadable:unreadable/#1', 'unreadable:unreadable/#2', 'unreadable:unreadable/#3']);
  });
});

describe('TaskTreeProvider with unreadable tasks', () => {
  let clock: FakeClock;
  let poller: TaskPoller;
  let provider: TaskTreeProvider;

  afterEach(() => {
    provider.dispose();
    poller.dispose();
  });

  function start(source: ConstructorParameters<typeof TaskPoller>[0]['source']): void {
    clock = new FakeClock();
    poller = new TaskPoller({ source, settings: DEFAULT_POLL_SETTINGS, clock, random: () => 0.5 });
    provider = new TaskTreeProvider(poller, () => 'http://127.0.0.1/v1', 'status', clock);
  }

  async function roots(): Promise<TreeNode[]> {
    poller.setVisible(true);
    await poller.idle();
    return provider.getChildren();
  }

  describe('over a real socket', () => {
    let server: RawServer;
    beforeEach(async () => {
      server = await startRawServer();
    });
    afterEach(() => server.close());

    it('shows the readable tasks of a list with a malformed one, not an error row', async () => {
      const malformed = { ...completedExport, id: 'task_text_count', total_records: '12', metadata: [] };
      server.reply(json(200, { items: [processingImport, malformed, completedExport], pagination: { total: 3, limit: 50, offset: 0 } }));
      start(async () => clientFor(server));
      const shown = await roots();
      assert.equal(poller.state.kind, 'current');
      assert.ok(!shown.some((node) => node instanceof MessageNode), shown.map(labelOf).join(' | '));
      const groups = shown.filter((node): node is GroupNode => node instanceof GroupNode);
      assert.deepEqual(groups.map((group) => [group.key, group.children.length]), [['running', 1], ['completed', 1], ['unreadable', 1]]);
      assert.equal(labelOf(groups[2]!.children[0]!), 'Unreadable task task_text_count: total_records: expected number');
      assert.equal(poller.hasMore, false, 'the unreadable item counts as loaded: no Load more for ever');
    });
  });

  describe('once the poller passes them on', () => {
    let source: MemoryTaskSource;
    /** Stands in for TaskPoller.unreadable: what the last list page could not read. */
    const passOn = (entries: readonly UnreadableTask[]) => Object.defineProperty(poller, 'unreadable', { value: entries, configurable: true });

    beforeEach(() => {
      source = new MemoryTaskSource();
      start(async () => source);
    });

    it('lists them in an Unreadable group after the tasks', async () => {
      source.add(makeTask(clock.now(), { task_status: 'PROCESSING' }));
      passOn([textCount, noId]);
      const shown = (await roots()) as GroupNode[];
      assert.deepEqual(shown.map((node) => labelOf(node)), ['Running (1)', 'Unreadable (2)']);
      assert.deepEqual(shown[1].children.map(labelOf), ['Unreadable task task_text_count: total_records: expected number', 'Unreadable task: id: expected string']);
      assert.ok(shown[1].children.every((node) => node instanceof UnreadableNode));
    });

    it('does not say "No tasks yet" when every task on the page is unreadable', async () => {
      passOn([noId]);
      const shown = await roots();
      assert.deepEqual(shown.map(labelOf), ['Unreadable (1)']);
    });

    it('shows a pinned task the list could not read as unreadable in Watched, with Unwatch', async () => {
      poller.setPinned([textCount.id!]);
      passOn([textCount]);
      const [watched, unreadable] = (await roots()) as GroupNode[];
      assert.equal(watched.key, 'watched');
      assert.equal(labelOf(watched.children[0]), 'Unreadable task task_text_count: total_records: expected number');
      assert.ok(menuCommands(watched.children[0].toTreeItem(new Date()).contextValue!).includes('flexprice.unwatchTask'));
      assert.notEqual(watched.children[0].toTreeItem(new Date()).id, unreadable.children[0].toTreeItem(new Date()).id);
    });
  });
});
