import * as vscode from 'vscode';
import { systemClock, type Clock } from '../polling/clock';
import type { ScheduleChange, ScheduleModel } from '../schedules/scheduleModel';
import { StartingRunNode } from '../tree/startingRunNode';
import { TaskNode } from '../tree/taskNode';
import { treeErrorText } from '../tree/treeErrorText';
import { RunsMoreNode, ScheduleMessageNode, ScheduleNode, type ScheduleTreeNode } from './scheduleNodes';

/**
 * The Scheduled Exports view: one row per live schedule, and under an expanded one the runs
 * started here and not yet created, then its runs newest first (the Tasks view's rows), then
 * "Load more". Nodes are kept between answers so one schedule's change redraws only it.
 */
export class ScheduleTreeProvider implements vscode.TreeDataProvider<ScheduleTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ScheduleTreeNode | ScheduleTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly scheduleNodes = new Map<string, ScheduleNode>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly model: ScheduleModel,
    private readonly apiUrl: () => string,
    private readonly clock: Clock = systemClock,
    /** The runs of a schedule VS Code shows expanded are not known: read them soon. */
    private readonly wantRuns: (scheduleId: string) => void = () => undefined,
  ) {
    this.subscription = model.onDidChange((change) => this.onModelChange(change));
  }

  getTreeItem(node: ScheduleTreeNode): vscode.TreeItem {
    const now = new Date(this.clock.now());
    // Runs are the Tasks view's rows; menus tell the views apart by `view`.
    if (node instanceof TaskNode || node instanceof ScheduleNode || node instanceof StartingRunNode) return node.toTreeItem(now);
    return node.toTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: ScheduleTreeNode): vscode.TreeItem {
    if (node instanceof ScheduleNode) item.tooltip = node.tooltip(new Date(this.clock.now()));
    else if (node instanceof TaskNode) item.tooltip = node.tooltip();
    return item;
  }

  getChildren(node?: ScheduleTreeNode): ScheduleTreeNode[] {
    if (!node) return this.roots();
    if (node instanceof ScheduleNode) return this.runRows(node.schedule.id);
    return [];
  }

  /** The schedule row for an ID, as last handed out (to reveal it). */
  nodeOf(scheduleId: string): ScheduleNode | undefined {
    return this.scheduleNodes.get(scheduleId);
  }

  getParent(node: ScheduleTreeNode): ScheduleTreeNode | undefined {
    if (node instanceof TaskNode) return this.scheduleNodes.get(node.groupKey.replace(/^schedule:/, ''));
    if (node instanceof StartingRunNode) return this.scheduleNodes.get(node.run.scheduleId);
    if (node instanceof RunsMoreNode) return this.scheduleNodes.get(node.scheduleId);
    return undefined;
  }

  private roots(): ScheduleTreeNode[] {
    const schedules = this.model.schedules;
    const error = this.model.error;
    const roots: ScheduleTreeNode[] = [];
    if (error !== undefined) roots.push(new ScheduleMessageNode('list-error', 'error', treeErrorText(error, this.apiUrl()), schedules ? 'showing the list as last read' : undefined));
    if (schedules === undefined) {
      if (error === undefined) roots.push(new ScheduleMessageNode('list-loading', 'loading', 'Loading scheduled exports…'));
      return roots;
    }
    const seen = new Set<string>();
    for (const schedule of schedules) {
      seen.add(schedule.id);
      const lastRun = this.model.runsOf(schedule.id)?.tasks[0];
      const node = this.scheduleNodes.get(schedule.id);
      if (node) {
        node.schedule = schedule;
        node.lastRun = lastRun;
        roots.push(node);
      } else {
        const created = new ScheduleNode(schedule, lastRun);
        this.scheduleNodes.set(schedule.id, created);
        roots.push(created);
      }
    }
    for (const id of this.scheduleNodes.keys()) if (!seen.has(id)) this.scheduleNodes.delete(id);
    // No rows: the welcome view says where schedules are made.
    return roots;
  }

  private runRows(scheduleId: string): ScheduleTreeNode[] {
    const rows: ScheduleTreeNode[] = this.model.startingRuns(scheduleId).map((run) => new StartingRunNode(run, undefined));
    const runs = this.model.runsOf(scheduleId);
    if (!runs) {
      // VS Code asks only for an expanded row's children, and keeps a row expanded across a
      // refresh (a connection reset, a rename) that made the model forget it: it is expanded.
      this.model.expand(scheduleId);
      this.wantRuns(scheduleId);
    }
    if (!runs || runs.loading) {
      rows.push(new ScheduleMessageNode(`runs-loading:${scheduleId}`, 'loading', 'Loading runs…'));
      return rows;
    }
    if (runs.error !== undefined) rows.push(new ScheduleMessageNode(`runs-error:${scheduleId}`, 'error', treeErrorText(runs.error, this.apiUrl())));
    const groupKey = `schedule:${scheduleId}`;
    rows.push(...runs.tasks.map((task) => new TaskNode(groupKey, task, false)));
    if (runs.tasks.length === 0 && runs.error === undefined && rows.length === 0) {
      rows.push(new ScheduleMessageNode(`runs-empty:${scheduleId}`, 'empty', 'No runs yet', 'Run Now starts one'));
    }
    if (runs.hasMore) rows.push(new RunsMoreNode(scheduleId, runs.tasks.length + runs.unreadable.length));
    return rows;
  }

  private onModelChange(change: ScheduleChange): void {
    // A run starting or given up on moves rows in two places; the list is short, so all of it.
    if (change.schedules || change.starting) return this.changed.fire(undefined);
    const nodes: ScheduleNode[] = [];
    for (const id of change.runsOf) {
      const node = this.scheduleNodes.get(id);
      if (!node) continue;
      node.lastRun = this.model.runsOf(id)?.tasks[0];
      nodes.push(node);
    }
    if (nodes.length > 0) this.changed.fire(nodes);
  }

  /** Redraws everything (times move, the view was shown again). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
