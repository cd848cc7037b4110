import * as vscode from 'vscode';
import type { Task } from '../api/taskSchema';
import type { ClientProvider } from '../clientProvider';
import type { Logger } from '../log/logger';
import { openTaskFile } from '../commands/openTaskFile';
import { type PollerState, TaskPoller } from '../polling/taskPoller';
import { openTaskAsJson } from '../ui/openTaskAsJson';
import { reportApiError } from '../ui/reportApiError';
import { promptForFilter } from './filterPrompt';
import { affectsPolling, readPollSettings, targetHolding } from './pollSettingsFromConfig';
import { taskFilterText } from './taskFilterText';
import { TaskNode } from './taskNode';
import { TaskNotifier } from './taskNotifier';
import { TaskStatusBar } from './taskStatusBar';
import { TaskTreeProvider } from './taskTreeProvider';
import type { TaskTreeHost } from './taskView';
import { treeSnapshot } from './treeSnapshot';
import type { TreeCommandId } from './treeCommandIds';
import type { TreeNode } from './treeNode';
import { runOnUnreadable } from './unreadableCommands';
import { UnreadableNode } from './unreadableNode';
import { WatchedTaskIds } from './watchedTaskIds';

const GROUP_BY_TYPE_KEY = 'flexprice.groupByType';

/**
 * The sidebar: owns the poller, the tree provider, the status-bar item and the notifier, feeds
 * them the view's visibility, the window's focus and the settings, and runs the tree's commands.
 */
export class TaskTree implements TaskTreeHost, vscode.Disposable {
  readonly poller: TaskPoller;
  readonly provider: TaskTreeProvider;
  private readonly watched: WatchedTaskIds;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clients: ClientProvider,
    log: Logger,
  ) {
    this.watched = new WatchedTaskIds(context.globalState);
    this.poller = new TaskPoller({ source: () => clients.get(), settings: readPollSettings(), log });
    this.poller.setPinned(this.watched.list());
    this.poller.setFocused(vscode.window.state.focused);
    const groupByType = context.globalState.get<boolean>(GROUP_BY_TYPE_KEY, false);
    this.provider = new TaskTreeProvider(this.poller, () => clients.apiUrl, groupByType ? 'type' : 'status');
    void vscode.commands.executeCommand('setContext', GROUP_BY_TYPE_KEY, groupByType);
    this.subscriptions = [
      this.provider,
      new TaskStatusBar(this.poller),
      new TaskNotifier(this.poller),
      clients.onDidChange(() => this.poller.reset()),
      this.poller.onDidChangeState((state) => this.reportStop(state)),
      vscode.window.onDidChangeWindowState((state) => this.poller.setFocused(state.focused)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsPolling(event)) this.poller.updateSettings(readPollSettings());
      }),
      this.poller,
    ];
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    const setVisible = (visible: boolean) => {
      this.poller.setVisible(visible);
      this.provider.setVisible(visible);
    };
    this.subscriptions.push(view.onDidChangeVisibility((event) => setVisible(event.visible)));
    setVisible(view.visible);
    this.showFilter();
  }

  /**
   * Polling stopped on a refused key (or declined plain HTTP): the tree row says so, and one
   * notification offers the fix, as a command's error would. The poller sends nothing more
   * until the key or settings change, so this comes once, not once per cycle.
   */
  private reportStop(state: PollerState): void {
    if (state.kind !== 'failed' || !state.stopped) return;
    void reportApiError(state.error, { ...this.clients.errorContext(), retry: () => this.refresh() });
  }

  /** An explicit refresh also asks again about plain HTTP, if that was declined. */
  refresh(): Promise<void> {
    this.clients.askHttpConsentAgain();
    return this.poller.refresh();
  }

  /** Pins a task in the Watched group (Get Task does this for IDs typed in). */
  async watch(id: string): Promise<void> {
    this.poller.setPinned(await this.watched.add(id));
  }

  run(command: TreeCommandId, args: unknown[]): unknown {
    if (args[0] instanceof UnreadableNode) {
      return runOnUnreadable(command, args[0], {
        // openTaskAsJson only prints what it is given: here the item exactly as the server sent it.
        openAsJson: (raw) => openTaskAsJson(raw as Task),
        copy: (text) => vscode.env.clipboard.writeText(text),
        unwatch: (id) => this.unwatch(id),
      });
    }
    const task = this.taskOf(args[0]);
    switch (command) {
      case 'flexprice.loadMoreTasks':
        return this.poller.loadMore();
      case 'flexprice.filterTasks':
        return this.filter();
      case 'flexprice.clearTaskFilters':
        return this.setFilter({});
      case 'flexprice.enableAutoRefresh':
      case 'flexprice.disableAutoRefresh': {
        // A workspace that turned it off would win over a user-level write: write where it is held.
        const config = vscode.workspace.getConfiguration('flexprice');
        return config.update('autoRefresh', command === 'flexprice.enableAutoRefresh', targetHolding(config.inspect('autoRefresh')));
      }
      case 'flexprice.groupTasksByType':
      case 'flexprice.groupTasksByStatus':
        return this.groupBy(command === 'flexprice.groupTasksByType');
      case 'flexprice.copyTaskId':
        return task && vscode.env.clipboard.writeText(task.id);
      case 'flexprice.openTreeTaskFile':
        return task && this.openFile(task);
      case 'flexprice.openTaskAsJson':
        return task && openTaskAsJson(task);
      case 'flexprice.watchTask':
        return task && this.watch(task.id);
      case 'flexprice.unwatchTask':
        return task && this.unwatch(task.id);
      case 'flexprice.openSettings':
        return vscode.commands.executeCommand('workbench.action.openSettings', 'flexprice');
      case 'flexprice.internal.taskTreeSnapshot':
        return this.snapshot();
    }
  }

  private async unwatch(id: string): Promise<void> {
    this.poller.setPinned(await this.watched.remove(id));
  }

  /** A command's argument: a row (menus pass the node) or a task ID. */
  private taskOf(argument: unknown): Task | undefined {
    if (argument instanceof TaskNode) return argument.task;
    if (typeof argument === 'string' && argument) return this.poller.task(argument) ?? { id: argument };
    return undefined;
  }

  private async filter(): Promise<void> {
    const filter = await promptForFilter(this.poller.activeFilter);
    if (filter) await this.setFilter(filter);
  }

  private async setFilter(filter: Parameters<TaskPoller['setFilter']>[0]): Promise<void> {
    const done = this.poller.setFilter(filter);
    this.showFilter();
    await done;
  }

  private showFilter(): void {
    const text = taskFilterText(this.poller.activeFilter);
    if (this.view) this.view.description = text;
    void vscode.commands.executeCommand('setContext', 'flexprice.tasksFiltered', text !== undefined);
  }

  private async groupBy(byType: boolean): Promise<void> {
    await this.context.globalState.update(GROUP_BY_TYPE_KEY, byType);
    await vscode.commands.executeCommand('setContext', GROUP_BY_TYPE_KEY, byType);
    this.provider.setGroupMode(byType ? 'type' : 'status');
  }

  private async openFile(task: Task): Promise<void> {
    try {
      await openTaskFile(task, { client: () => this.clients.get() });
    } catch (error) {
      await reportApiError(error, { ...this.clients.errorContext(), taskId: task.id, retry: () => this.openFile(task) });
    }
  }

  private async snapshot() {
    return {
      description: this.view?.description,
      visible: this.view?.visible,
      filter: this.poller.activeFilter,
      rows: await treeSnapshot(this.provider),
    };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
