import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import type { TaskPoller, TaskPollerChange } from '../polling/taskPoller';
import { formatRelative } from '../panel/timeFormat';
import { GroupNode } from './groupNode';
import { groupKeyOf, groupTasks, type GroupMode } from './taskGroups';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { TaskNode } from './taskNode';
import { treeErrorText } from './treeErrorText';
import type { TreeNode } from './treeNode';

const WATCHED = 'watched';

/**
 * Shows what the poller holds: Watched on top, then tasks grouped by status (or type), then
 * "Load more". Nodes are kept between refreshes so a change in one task refreshes only its
 * rows, and every item has a stable id so expansion and selection survive a full refresh.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly taskNodes = new Map<string, TaskNode>();
  private readonly subscriptions: vscode.Disposable[];
  private mode: GroupMode;

  constructor(
    private readonly poller: TaskPoller,
    private readonly apiUrl: () => string,
    mode: GroupMode = 'status',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.mode = mode;
    this.subscriptions = [
      this.changed,
      poller.onDidChange((change) => this.onPollerChange(change)),
      poller.onDidChangeState(() => this.changed.fire(undefined)),
    ];
  }

  get groupMode(): GroupMode {
    return this.mode;
  }

  setGroupMode(mode: GroupMode): void {
    this.mode = mode;
    this.changed.fire(undefined);
  }

  /** Redraws everything (after pins change, for example). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node instanceof TaskNode ? node.toTreeItem(this.now()) : node.toTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node instanceof GroupNode) return node.children;
    if (node) return [];
    await this.poller.idle();
    if (this.poller.tasks === undefined && this.poller.state.kind === 'idle') await this.poller.refresh();
    return this.roots();
  }

  private roots(): TreeNode[] {
    const state = this.poller.state;
    if (state.kind === 'noKey') return [];
    const roots: TreeNode[] = [];
    if (state.kind === 'failed') roots.push(this.errorNode(state.error, state.lastSuccessAt));
    const used = new Set<string>();
    const pinned = this.poller.pinnedIds;
    if (pinned.length > 0) {
      const children = pinned.map((id) => this.nodeFor(WATCHED, this.poller.task(id) ?? { id }, used));
      roots.push(new GroupNode(WATCHED, 'Watched', children));
    }
    const tasks = this.poller.tasks ?? [];
    for (const group of groupTasks(tasks, this.mode)) {
      roots.push(new GroupNode(group.key, group.title, group.tasks.map((task) => this.nodeFor(group.key, task, used))));
    }
    if (this.poller.tasks?.length === 0 && state.kind === 'current') {
      const filtered = Object.values(this.poller.activeFilter).some(Boolean);
      roots.push(new MessageNode('empty', filtered ? 'No tasks match the filter.' : 'No tasks yet.'));
    }
    if (this.poller.hasMore) roots.push(new LoadMoreNode(tasks.length, this.poller.total));
    for (const key of [...this.taskNodes.keys()]) if (!used.has(key)) this.taskNodes.delete(key);
    return roots;
  }

  /** The node already showing this task in this group, brought up to date, or a new one. */
  private nodeFor(groupKey: string, task: Task, used: Set<string>): TaskNode {
    const key = `${groupKey}/${task.id}`;
    used.add(key);
    const watched = this.poller.pinnedIds.includes(task.id);
    const missing = this.poller.isMissing(task.id);
    const node = this.taskNodes.get(key) ?? new TaskNode(groupKey, task, watched, missing);
    Object.assign(node, { task, watched, missing });
    this.taskNodes.set(key, node);
    return node;
  }

  private errorNode(error: unknown, lastSuccessAt: number | undefined): MessageNode {
    const stale = lastSuccessAt !== undefined && this.poller.tasks !== undefined;
    const detail = stale ? `showing tasks from ${formatRelative(new Date(lastSuccessAt), this.now())}` : undefined;
    return new MessageNode('error', treeErrorText(error, this.apiUrl()), detail);
  }

  /** Refreshes only the rows that changed, unless a task moved group or the list itself changed. */
  private onPollerChange(change: TaskPollerChange): void {
    const rows = change.updated.flatMap((task) => this.rowsOf(task.id));
    const moved = change.updated.some((task) => this.rowsOf(task.id).some((row) => row.groupKey !== WATCHED && row.groupKey !== groupKeyOf(task, this.mode)));
    if (change.structural || moved) {
      this.changed.fire(undefined);
      return;
    }
    for (const row of rows) row.task = change.updated.find((task) => task.id === row.task.id) ?? row.task;
    if (rows.length > 0) this.changed.fire(rows);
  }

  private rowsOf(id: string): TaskNode[] {
    return [...this.taskNodes.values()].filter((node) => node.task.id === id);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
