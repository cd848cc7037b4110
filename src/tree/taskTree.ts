import type { Task } from '../api/taskSchema';
import * as vscode from 'vscode';
import type { ClientProvider } from '../auth/clientProvider';
import type { Logger } from '../log/logger';
import { type PollerState, TaskPoller } from '../polling/taskPoller';
import { reportApiError } from '../ui/reportApiError';
import { affectsPolling, readPollSettings } from '../configuration';
import { taskFilterText } from './taskFilterText';
import { TaskNotifier } from './taskNotifier';
import { TaskStatusBar } from './taskStatusBar';
import { TaskTreeProvider } from './taskTreeProvider';
import { GROUP_BY_TYPE_KEY } from './taskGroups';
import type { TaskTreeHost } from './taskView';
import { treeSnapshot } from './treeSnapshot';
import type { TreeNode } from './treeNode';
import { watchedTaskIds, type BoundedIdList } from '../storage/boundedIdList';
import type { ViewDescription } from './viewDescription';
import { KeptPages } from './keptPages';

/** A kept page is written at most this often while tasks change (and at once after a switch). */
const KEEP_PAGE_EVERY_MS = 60_000;


/**
 * The sidebar: owns the poller, the tree provider, the status-bar item and the notifier, and
 * feeds them the view's visibility, the window's focus and the settings. Its commands live in
 * src/commands, one file each.
 */
export class TaskTree implements TaskTreeHost, vscode.Disposable {
  readonly poller: TaskPoller;
  readonly provider: TaskTreeProvider;
  private readonly watched: BoundedIdList;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Finish notifications of the connection in use; a switch drops the ones not yet shown. */
  private notifier: TaskNotifier;
  private readonly keptPages: KeptPages;
  /** When the active connection's first page was last kept (0: not since the switch). */
  private keptAt = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clients: ClientProvider,
    private readonly description: ViewDescription,
    log: Logger,
  ) {
    // Watched tasks are the active connection's: the list follows a switch.
    this.watched = watchedTaskIds(context.globalState, () => clients.activeConnectionId ?? 'none');
    this.poller = new TaskPoller({ source: () => clients.get(), settings: readPollSettings(), log });
    this.poller.setPinned(this.watched.list());
    this.poller.setFocused(vscode.window.state.focused);
    const groupByType = context.globalState.get<boolean>(GROUP_BY_TYPE_KEY, false);
    this.provider = new TaskTreeProvider(this.poller, () => clients.apiUrl, groupByType ? 'type' : 'status');
    this.keptPages = new KeptPages(context.globalState);
    this.showKeptPage();
    void vscode.commands.executeCommand('setContext', GROUP_BY_TYPE_KEY, groupByType);
    this.subscriptions = [
      this.provider,
      new TaskStatusBar(this.poller),
      clients.onDidChange(() => this.connectionChanged()),
      this.poller.onDidChangeState((state) => {
        this.reportStop(state);
        if (state.kind === 'current') this.keepFirstPage();
      }),
      vscode.window.onDidChangeWindowState((state) => this.poller.setFocused(state.focused)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsPolling(event)) this.poller.updateSettings(readPollSettings());
      }),
      this.poller,
    ];
    this.notifier = new TaskNotifier(this.poller, clients.activeConnectionId);
  }

  /**
   * A task followed elsewhere (a run started with Run Now) finished: announced like a finish the
   * poller saw, once, whichever of the two saw it first.
   */
  announceFinished(task: Task): void {
    this.notifier.finished(task);
  }

  /**
   * Another connection, or the active one's key or URL changed: nothing read with the old one
   * stays. The poller drops its answers and aborts what is in flight, the Watched group is the
   * new connection's, and finishes not yet announced are forgotten.
   */
  private connectionChanged(): void {
    this.notifier.dispose();
    this.notifier = new TaskNotifier(this.poller, this.clients.activeConnectionId);
    this.poller.setPinned(this.watched.list());
    this.showKeptPage();
    this.poller.reset();
    this.showFilter();
  }

  /** The new connection's kept first page, shown (marked) until its first answer. */
  private showKeptPage(): void {
    const id = this.clients.activeConnectionId;
    this.keptAt = 0;
    this.provider.setKeptPage(id ? this.keptPages.load(id) : undefined);
  }

  /** Keeps the unfiltered first page as just read, for the next start or switch. */
  private keepFirstPage(): void {
    const id = this.clients.activeConnectionId;
    const tasks = this.poller.tasks;
    const now = Date.now();
    if (!id || !tasks || Object.values(this.poller.activeFilter).some(Boolean) || now - this.keptAt < KEEP_PAGE_EVERY_MS) return;
    this.keptAt = now;
    void this.keptPages.save(id, tasks.slice(0, readPollSettings().pageSize), now);
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

  async unwatch(id: string): Promise<void> {
    this.poller.setPinned(await this.watched.remove(id));
  }

  /** Shows only tasks matching the filter (an empty one shows all), and says so in the view's description. */
  async setFilter(filter: Parameters<TaskPoller['setFilter']>[0]): Promise<void> {
    const done = this.poller.setFilter(filter);
    this.showFilter();
    await done;
  }

  private showFilter(): void {
    const text = taskFilterText(this.poller.activeFilter);
    this.description.setFilter(text);
    void vscode.commands.executeCommand('setContext', 'flexprice.tasksFiltered', text !== undefined);
  }

  /** Groups rows by import/export, or by status; remembered across reloads. */
  async setGroupByType(byType: boolean): Promise<void> {
    await this.context.globalState.update(GROUP_BY_TYPE_KEY, byType);
    await vscode.commands.executeCommand('setContext', GROUP_BY_TYPE_KEY, byType);
    this.provider.setGroupMode(byType ? 'type' : 'status');
  }

  /** The view as the user sees it: its description, filter and every row (for the integration tests). */
  async snapshot() {
    return {
      description: this.view?.description,
      title: this.view?.title,
      connection: this.clients.activeConnectionId,
      visible: this.view?.visible,
      filter: this.poller.activeFilter,
      rows: await treeSnapshot(this.provider),
    };
  }

  dispose(): void {
    this.notifier.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
