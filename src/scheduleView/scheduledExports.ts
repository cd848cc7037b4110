import * as vscode from 'vscode';
import type { RunScheduledExportResult } from '../api/scheduledExportSchema';
import { isSettled, type Task } from '../api/taskSchema';
import type { ClientProvider } from '../auth/clientProvider';
import { connectionLabel } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';
import type { Logger } from '../log/logger';
import { systemClock } from '../polling/clock';
import type { Disposable } from '../polling/emitter';
import { readPollSettings } from '../configuration';
import { ScheduleModel, type ScheduleSource, type StartingRun } from '../schedules/scheduleModel';
import type { TaskTree } from '../tree/taskTree';
import { ScheduleNode, type ScheduleTreeNode } from './scheduleNodes';
import { scheduleLabel } from './scheduleText';
import { ScheduleTreeProvider } from './scheduleTreeProvider';
import type { ScheduleViewHost } from './scheduleView';

/** `flexprice.scheduleState`: what the view's welcome content depends on. */
type ScheduleState = 'loading' | 'none' | 'some' | 'error';

/**
 * The Scheduled Exports view's heavy half: the model (read on the Tasks poller's cycles), the
 * provider, and runs started with Run Now followed from "Starting…" to their end: shown in
 * both views, kept fresh like a panel's task until settled, announced by the Tasks view's
 * finish notifications.
 */
export class ScheduledExports implements ScheduleViewHost, vscode.Disposable {
  readonly model: ScheduleModel;
  readonly provider: ScheduleTreeProvider;
  private view: vscode.TreeView<ScheduleTreeNode> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Runs kept fresh until they settle. */
  private readonly followedWatches = new Map<string, Disposable>();
  private shownState: ScheduleState | undefined;

  constructor(
    clients: ClientProvider,
    private readonly tree: TaskTree,
    private readonly connections: ConnectionStore,
    log: Logger,
  ) {
    this.model = new ScheduleModel({
      source: async () => (await clients.get()) as ScheduleSource | undefined,
      clock: systemClock,
      pageSize: () => readPollSettings().pageSize,
      log,
    });
    this.provider = new ScheduleTreeProvider(this.model, () => clients.apiUrl, systemClock, (scheduleId) =>
      tree.poller.requestCycle(`runs of ${scheduleId} shown`),
    );
    const poller = tree.poller;
    this.subscriptions.push(
      this.provider,
      toVscode(poller.addSideRead(this.model)),
      toVscode(this.model.onDidChange(() => this.modelChanged())),
      toVscode(this.model.onDidStartRun(({ task }) => this.runStarted(task))),
      toVscode(this.model.onDidGiveUp((run) => void this.reportNeverStarted(run))),
      clients.onDidChange(() => this.connectionChanged()),
    );
    this.setState('loading');
  }

  attach(view: vscode.TreeView<ScheduleTreeNode>): void {
    this.view = view;
    // Sandbox or Production, always in sight: the header names the connection, like the Tasks view's.
    const describe = () => {
      const connection = this.connections.active();
      view.description = connection && connectionLabel(connection);
    };
    describe();
    const setVisible = (visible: boolean) => {
      this.model.setVisible(visible);
      if (visible) this.tree.poller.requestCycle('scheduled exports shown');
    };
    this.subscriptions.push(
      view.onDidChangeVisibility((event) => setVisible(event.visible)),
      view.onDidExpandElement(({ element }) => {
        if (!(element instanceof ScheduleNode)) return;
        this.model.expand(element.schedule.id);
        this.tree.poller.requestCycle(`runs of ${element.schedule.id} shown`);
      }),
      this.connections.onDidChange(describe),
      view.onDidCollapseElement(({ element }) => element instanceof ScheduleNode && this.model.collapse(element.schedule.id)),
    );
    setVisible(view.visible);
  }

  /** Refresh: the list and every expanded schedule's runs, now. */
  refresh(): Promise<void> {
    this.model.refresh();
    return this.tree.poller.refresh('scheduled exports refresh');
  }

  /** After a change made here (pause, resume, delete): the list again on the next cycle, soon. */
  refreshSoon(): void {
    this.model.refresh();
    this.tree.poller.requestCycle('a schedule changed');
  }

  loadMore(scheduleId: string): void {
    this.model.loadMore(scheduleId);
    this.tree.poller.requestCycle(`more runs of ${scheduleId}`);
  }

  /** The server accepted a run: "Starting…" under its schedule and in the Tasks view, until its task exists. */
  followRun(scheduleId: string, result: RunScheduledExportResult): void {
    this.model.follow(scheduleId, result.workflow_id);
    this.tree.poller.requestCycle(`run ${result.workflow_id} started`);
  }

  /** Shows a schedule's row (a panel's "From schedule" link), expanded. */
  async reveal(scheduleId: string): Promise<boolean> {
    await vscode.commands.executeCommand('flexprice.scheduledExports.focus');
    if (!this.model.schedules) {
      this.model.refresh();
      await this.tree.poller.refresh('reveal a schedule');
    }
    this.provider.getChildren();
    const node = this.provider.nodeOf(scheduleId);
    if (!node || !this.view) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** The view as the user sees it, for the integration tests. */
  async snapshot() {
    const rows = [];
    for (const root of this.provider.getChildren()) {
      const item = this.provider.getTreeItem(root);
      const children = root instanceof ScheduleNode && this.model.runsOf(root.schedule.id) ? this.provider.getChildren(root).map((child) => itemText(this.provider.getTreeItem(child))) : [];
      rows.push({ ...itemText(item), id: root instanceof ScheduleNode ? root.schedule.id : undefined, enabled: root instanceof ScheduleNode ? root.schedule.enabled : undefined, children });
    }
    return {
      visible: this.view?.visible,
      state: this.shownState,
      rows,
      starting: this.model.startingRuns(),
      followed: [...this.followedWatches.keys()],
    };
  }

  private modelChanged(): void {
    const schedules = this.model.schedules;
    this.setState(this.model.error !== undefined && !schedules ? 'error' : !schedules ? 'loading' : schedules.length === 0 ? 'none' : 'some');
    const starting = this.model.startingRuns();
    this.tree.provider.setStartingRuns(starting.map((run) => ({ run, subject: this.subjectOf(run.scheduleId) })));
  }

  private subjectOf(scheduleId: string): string | undefined {
    const schedule = this.model.schedule(scheduleId);
    return schedule && scheduleLabel(schedule);
  }

  /** A followed run exists: keep it fresh until it settles, so its finish is announced. */
  private runStarted(task: Task): void {
    if (this.followedWatches.has(task.id)) return;
    // A quick run can be over by the time its task is first seen: it is announced all the same.
    if (isSettled(task, Date.now())) {
      this.tree.announceFinished(task);
      return;
    }
    const watch = this.tree.poller.watch(task.id, {
      onUpdate: (latest) => {
        if (!isSettled(latest, Date.now())) return;
        this.tree.announceFinished(latest);
        this.unfollow(latest.id);
      },
    });
    this.followedWatches.set(task.id, watch);
  }

  private unfollow(taskId: string): void {
    const watch = this.followedWatches.get(taskId);
    this.followedWatches.delete(taskId);
    // After this cycle's listeners: the finish notification comes from the same read.
    if (watch) setTimeout(() => watch.dispose(), 0);
  }

  private async reportNeverStarted(run: StartingRun): Promise<void> {
    const subject = this.subjectOf(run.scheduleId) ?? run.scheduleId;
    const paused = this.model.schedule(run.scheduleId)?.enabled === false;
    const actions = paused ? ['Resume Schedule'] : ['Show Log'];
    const choice = await vscode.window.showWarningMessage(`Flexprice: the run of ${subject} never started (no task ${run.taskId} after 2 minutes). ${run.reason ?? ''}`, ...actions);
    if (choice === 'Resume Schedule') await vscode.commands.executeCommand('flexprice.resumeScheduledExport', run.scheduleId);
    else if (choice === 'Show Log') await vscode.commands.executeCommand('flexprice.showLog');
  }

  private connectionChanged(): void {
    for (const watch of this.followedWatches.values()) watch.dispose();
    this.followedWatches.clear();
    this.model.reset();
    if (this.model.isVisible) this.tree.poller.requestCycle('connection changed');
  }

  private setState(state: ScheduleState): void {
    if (state === this.shownState) return;
    this.shownState = state;
    void vscode.commands.executeCommand('setContext', 'flexprice.scheduleState', state);
  }

  dispose(): void {
    for (const watch of this.followedWatches.values()) watch.dispose();
    this.followedWatches.clear();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.model.dispose();
  }
}

function toVscode(disposable: Disposable): vscode.Disposable {
  return { dispose: () => disposable.dispose() };
}

function itemText(item: vscode.TreeItem) {
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  return { label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue };
}
