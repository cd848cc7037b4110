import * as vscode from 'vscode';
import type { Task, UnreadableTask } from '../api/taskSchema';
import { systemClock, type Clock } from '../polling/clock';
import type { PollerState, TaskPoller, TaskPollerChange } from '../polling/taskPoller';
import { formatRelative } from '../format/time';
import { keptMarkNode, WATCHED_GROUP } from './keptRoots';
import type { KeptPage } from './keptPages';
import { RepeatingTimer } from '../polling/repeatingTimer';
import { GroupNode } from './groupNode';
import { groupKeyOf, groupTasks, type GroupMode } from './taskGroups';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { StartingRunNode } from './startingRunNode';
import type { StartingRun } from '../schedules/scheduleModel';
import { TaskNode } from './taskNode';
import { isKeyError, treeErrorText } from './treeErrorText';
import type { TreeNode } from './treeNode';
import { UnreadableNode, unreadableNodes } from './unreadableNode';

const WATCHED = WATCHED_GROUP;
const UNREADABLE = 'unreadable';
/** How often rows are redrawn for their relative times: formatRelative rounds to the minute, so at most half a minute behind. */
const RELATIVE_TIME_STEP_MS = 30_000;
/** How long a redraw may wait for VS Code to ask for a kept page's rows (a round trip or two). */
const KEPT_ROWS_GRACE_MS = 250;
/** After the last kept rows are asked for: a redraw sooner makes VS Code drop them before they are painted. */
const KEPT_ROWS_PAINT_MS = 50;

/**
 * Shows what the poller holds: Watched on top, then tasks grouped by status (or type), then the
 * list items it could not read, then "Load more". Nodes are kept between refreshes so a change
 * in one task refreshes only its rows, and every item has a stable id so expansion and
 * selection survive a full refresh.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Rows by `group/taskId`, as the last getChildren() handed them out. */
  private readonly taskNodes = new Map<string, TaskNode>();
  /** The groups of that getChildren(), so a task's rows are found without scanning them all. */
  private groupKeys: string[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private mode: GroupMode;
  private shownState: PollerState['kind'];
  /** When the roots were last built: rows say "3 min ago", so they are redrawn now and then. */
  private drawnAt = 0;
  /** Root getChildren() calls in progress; see redraw(). */
  private answering = 0;
  /** The connection's first page as last read, shown until the first answer comes. */
  private kept: KeptPage | undefined;
  /**
   * Groups of a kept page's roots whose rows VS Code has not asked for yet. A redraw meanwhile
   * would make it drop the kept rows unseen (each level is a round trip), so it waits until
   * they are asked for, or KEPT_ROWS_GRACE_MS.
   */
  private keptGroupsUnasked = new Set<string>();
  private deferredRedraw: { nodes: TreeNode[] | undefined; timer: unknown } | undefined;
  /** When the kept roots went out, and until when VS Code is left to paint the kept rows. */
  private keptAnsweredAt = 0;
  private paintUntil = 0;

  /** Runs started with Run Now whose tasks do not exist yet, shown on top. */
  private starting: StartingRunNode[] = [];

  /** Redraws the rows while the view is visible, so their times move even when nothing polls. */
  private readonly ticker: RepeatingTimer;

  constructor(
    private readonly poller: TaskPoller,
    private readonly apiUrl: () => string,
    mode: GroupMode = 'status',
    private readonly clock: Clock = systemClock,
  ) {
    this.mode = mode;
    this.ticker = new RepeatingTimer(clock, RELATIVE_TIME_STEP_MS, () => this.tick());
    this.shownState = poller.state.kind;
    this.subscriptions = [
      this.changed,
      poller.onDidChange((change) => this.onPollerChange(change)),
      poller.onDidChangeState((state) => this.onStateChange(state)),
    ];
  }

  get groupMode(): GroupMode {
    return this.mode;
  }

  setGroupMode(mode: GroupMode): void {
    this.mode = mode;
    this.changed.fire(undefined);
  }

  /**
   * Shows a kept first page (of the connection now in use) until the poller's first answer,
   * marked with when it was read; undefined shows nothing until then.
   */
  setKeptPage(page: KeptPage | undefined): void {
    this.kept = page;
    this.changed.fire(undefined);
  }

  /** The kept page, while it is what the tree shows: no answer yet and no filter. */
  private showingKept(): KeptPage | undefined {
    if (!this.kept || this.poller.tasks !== undefined || this.poller.state.kind === 'noKey') return undefined;
    return Object.values(this.poller.activeFilter).some(Boolean) ? undefined : this.kept;
  }

  /** The runs started with Run Now that have no task yet (or never got one), each with what it exports. */
  setStartingRuns(runs: readonly { readonly run: StartingRun; readonly subject: string | undefined }[]): void {
    if (runs.length === 0 && this.starting.length === 0) return;
    this.starting = runs.map(({ run, subject }) => new StartingRunNode(run, subject));
    this.changed.fire(undefined);
  }

  /** Redraws everything (after pins change, for example). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node instanceof TaskNode || node instanceof StartingRunNode ? node.toTreeItem(this.now()) : node.toTreeItem();
  }

  /** Called on hover for items without a tooltip: task rows get theirs here, not in getTreeItem. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node instanceof TaskNode) item.tooltip = node.tooltip();
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node instanceof GroupNode) {
      if (this.keptGroupsUnasked.delete(node.key) && this.keptGroupsUnasked.size === 0) this.flushSoon();
      return node.children;
    }
    if (node) return [];
    if (this.showingKept()) {
      // Rows at once from the kept page; the live answer replaces them when it comes.
      void this.loadFirstPage();
      const roots = this.roots();
      this.keptGroupsUnasked = new Set(roots.flatMap((root) => (root instanceof GroupNode && root.children.length > 0 ? [root.key] : [])));
      this.keptAnsweredAt = this.clock.now();
      return roots;
    }
    this.keptGroupsUnasked.clear();
    this.answering += 1;
    try {
      await this.loadFirstPage();
    } finally {
      this.answering -= 1;
    }
    return this.roots();
  }

  /** Waits for the cycle under way (the view just opened starts one), and reads only if none brought the list. */
  private async loadFirstPage(): Promise<void> {
    await this.poller.idle();
    if (this.poller.tasks === undefined && this.poller.state.kind === 'idle') await this.poller.refresh();
  }

  private roots(): TreeNode[] {
    const state = this.poller.state;
    if (state.kind === 'noKey') return [];
    const roots: TreeNode[] = [];
    const kept = this.showingKept();
    if (state.kind === 'failed') roots.push(this.errorNode(state.error, state.lastSuccessAt));
    if (kept) roots.push(keptMarkNode(kept, this.now(), state.kind === 'failed'));
    roots.push(...this.starting);
    const used = new Set<string>();
    const pinned = new Set(this.poller.pinnedIds);
    const unreadable = this.poller.unreadable;
    if (pinned.size > 0) {
      const children = [...pinned].map((id) => this.pinnedNode(id, unreadable, used, pinned));
      roots.push(new GroupNode(WATCHED, 'Watched', children));
    }
    const tasks = this.poller.tasks ?? kept?.tasks ?? [];
    for (const group of groupTasks(tasks, this.mode)) {
      roots.push(new GroupNode(group.key, group.title, group.tasks.map((task) => this.nodeFor(group.key, task, used, pinned))));
    }
    if (unreadable.length > 0) roots.push(new GroupNode(UNREADABLE, 'Unreadable', unreadableNodes(UNREADABLE, unreadable, pinned)));
    if (this.poller.tasks?.length === 0 && unreadable.length === 0 && state.kind === 'current') {
      const filtered = Object.values(this.poller.activeFilter).some(Boolean);
      roots.push(new MessageNode('empty', filtered ? 'No tasks match the filter.' : 'No tasks yet.'));
    }
    if (this.poller.hasMore) roots.push(new LoadMoreNode(tasks.length + unreadable.length, this.poller.total));
    for (const key of [...this.taskNodes.keys()]) if (!used.has(key)) this.taskNodes.delete(key);
    this.drawnAt = this.now().getTime();
    this.groupKeys = roots.flatMap((node) => (node instanceof GroupNode ? [node.key] : []));
    return roots;
  }

  /** A pinned ID's row: its task, or what is wrong with it when the list has it but could not read it. */
  private pinnedNode(id: string, unreadable: readonly UnreadableTask[], used: Set<string>, pinned: ReadonlySet<string>): TaskNode | UnreadableNode {
    const task = this.poller.task(id);
    const entry = task ? undefined : unreadable.find((candidate) => candidate.id === id);
    return entry ? new UnreadableNode(WATCHED, `id:${id}`, entry, true) : this.nodeFor(WATCHED, task ?? { id }, used, pinned);
  }

  /** The node already showing this task in this group, brought up to date, or a new one. */
  private nodeFor(groupKey: string, task: Task, used: Set<string>, pinned: ReadonlySet<string>): TaskNode {
    const key = `${groupKey}/${task.id}`;
    used.add(key);
    const watched = pinned.has(task.id);
    const missing = this.poller.isMissing(task.id);
    const node = this.taskNodes.get(key) ?? new TaskNode(groupKey, task, watched, missing);
    Object.assign(node, { task, watched, missing });
    this.taskNodes.set(key, node);
    return node;
  }

  /** The rows showing a task: at most one per group (Watched and its status or type group). */
  private rowsOf(id: string): TaskNode[] {
    return this.groupKeys.flatMap((group) => this.taskNodes.get(`${group}/${id}`) ?? []);
  }

  private errorNode(error: unknown, lastSuccessAt: number | undefined): MessageNode {
    const stale = lastSuccessAt !== undefined && this.poller.tasks !== undefined;
    const detail = stale ? `showing tasks from ${formatRelative(new Date(lastSuccessAt), this.now())}` : undefined;
    return new MessageNode('error', treeErrorText(error, this.apiUrl()), detail, isKeyError(error) ? 'setApiKey' : 'retry');
  }

  /**
   * Redraws when the state changes what the tree shows (error row, empty message, no key), and
   * every 30 s so relative times stay true. Each successful cycle reports `current` again;
   * redrawing on every one would make VS Code ask for every row (10,000 with all pages loaded)
   * after every poll, though nothing changed.
   */
  private onStateChange(state: PollerState): void {
    const previous = this.shownState;
    this.shownState = state.kind;
    const timesAged = this.now().getTime() - this.drawnAt >= RELATIVE_TIME_STEP_MS;
    if (state.kind !== previous || state.kind === 'failed' || timesAged) this.redraw(undefined);
  }

  /** Refreshes only the rows that changed, unless a task moved group or the list itself changed. */
  private onPollerChange(change: TaskPollerChange): void {
    const rows = change.updated.flatMap((task) => this.rowsOf(task.id).map((row) => ({ row, task })));
    const moved = rows.some(({ row, task }) => row.groupKey !== WATCHED && row.groupKey !== groupKeyOf(task, this.mode));
    if (change.structural || moved) {
      this.redraw(undefined);
      return;
    }
    for (const { row, task } of rows) row.task = task;
    if (rows.length > 0) this.redraw(rows.map(({ row }) => row));
  }

  /**
   * Tells VS Code what to ask for again, unless it is waiting for the roots: those are built
   * once the cycle in progress has settled, so they hold its changes. Firing then would make
   * VS Code throw that answer away and ask again, delaying the first rows by a round trip.
   */
  private redraw(nodes: TreeNode[] | undefined): void {
    if (this.answering > 0) return;
    const now = this.clock.now();
    const waiting = this.keptGroupsUnasked.size > 0;
    if (waiting || now < this.paintUntil) {
      const at = waiting ? this.keptAnsweredAt + KEPT_ROWS_GRACE_MS : this.paintUntil;
      if (this.deferredRedraw) this.deferredRedraw.nodes = mergeRedraws(this.deferredRedraw.nodes, nodes);
      else this.deferredRedraw = { nodes, timer: this.clock.setTimeout(() => this.flushDeferredRedraw(), Math.max(0, at - now)) };
      return;
    }
    this.changed.fire(nodes);
  }

  /** The last kept rows were asked for: VS Code gets a moment to paint them before any redraw. */
  private flushSoon(): void {
    this.paintUntil = this.clock.now() + KEPT_ROWS_PAINT_MS;
    const deferred = this.deferredRedraw;
    if (!deferred) return;
    this.clock.clearTimeout(deferred.timer);
    deferred.timer = this.clock.setTimeout(() => this.flushDeferredRedraw(), KEPT_ROWS_PAINT_MS);
  }

  /** The redraw held back for the kept rows, now that VS Code has them (or waited long enough). */
  private flushDeferredRedraw(): void {
    this.keptGroupsUnasked.clear();
    const deferred = this.deferredRedraw;
    if (!deferred) return;
    this.deferredRedraw = undefined;
    this.clock.clearTimeout(deferred.timer);
    this.changed.fire(deferred.nodes);
  }

  /** The view's visibility: times tick every 30 s while it shows, and not at all while hidden. */
  setVisible(visible: boolean): void {
    if (visible) this.ticker.start();
    else this.ticker.stop();
  }

  private tick(): void {
    // A cycle may have redrawn a moment ago; otherwise the rows' times are half a step behind at most.
    if (this.poller.tasks !== undefined && this.clock.now() - this.drawnAt >= RELATIVE_TIME_STEP_MS / 2) this.redraw(undefined);
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  dispose(): void {
    if (this.deferredRedraw) this.clock.clearTimeout(this.deferredRedraw.timer);
    this.ticker.stop();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

/** Two redraws as one: everything if either is everything, else both sets of rows. */
function mergeRedraws(a: TreeNode[] | undefined, b: TreeNode[] | undefined): TreeNode[] | undefined {
  return a === undefined || b === undefined ? undefined : [...new Set([...a, ...b])];
}
