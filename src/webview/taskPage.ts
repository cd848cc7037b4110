import type { SendCommand } from './actions';
import { h } from './dom';
import { ErrorTable } from './errorTable';
import { errorsSection } from './errorsSection';
import { Notice } from './notice';
import { patchChildren } from './patch';
import type { HostMessage, TaskCommand } from './protocol/messages';
import type { TaskView } from './protocol/taskView';
import { banners, problemBanner, taskHeader, type Problem } from './taskHeader';
import { metadata, overview, records, times } from './taskSections';
import { withTimes } from './timesPatch';
import type { PageHost } from './vscodeApi';

/**
 * The panel's page: what it shows (a task, or a placeholder while loading or after a failed
 * load) and how each host message changes it. A newer copy of the task on screen is patched
 * in, so the reader keeps their place.
 */
export class TaskPage {
  /** The task this panel belongs to; every message to the host names it. */
  private taskId: string | undefined;
  /** The connection the panel is bound to, saved so the host restores it bound to the same one. */
  private connectionId: string | undefined;
  private view: TaskView | undefined;
  private problem: Problem | undefined;
  private readonly notice = new Notice();
  private readonly table: ErrorTable;
  private readonly send: SendCommand = (command) => this.sendCommand(command);

  constructor(
    private readonly app: HTMLElement,
    private readonly host: PageHost,
  ) {
    const saved = host.loadState();
    this.taskId = saved.taskId;
    this.connectionId = saved.connectionId;
    this.table = new ErrorTable(saved.filter, () => this.saveState());
  }

  /** Shows what the page has (a reload may know its task), then asks the host for the rest. */
  start(): void {
    this.render();
    // The host posts nothing until it knows the page is listening.
    this.host.post({ type: 'ready', taskId: this.taskId || null });
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case 'task':
        this.view = message.view;
        if (this.taskId !== message.view.id) this.table.clearFilter();
        this.taskId = message.view.id;
        this.connectionId = message.view.connection?.id;
        this.problem = undefined;
        this.saveState();
        this.keepScroll(() => this.render());
        break;
      case 'times':
        // The same task as of now: its times (and whether it stalled) patched in, all else kept.
        if (!this.view || message.taskId !== this.view.id) return;
        this.view = withTimes(this.view, message.view);
        this.keepScroll(() => this.render());
        break;
      case 'loading':
        this.taskId = message.taskId;
        this.saveState();
        if (!this.view) {
          this.problem = undefined;
          this.render();
        }
        break;
      case 'problem':
        this.problem = { message: message.message, retryable: message.retryable };
        this.keepScroll(() => this.render());
        break;
      case 'notice':
        this.notice.show(message.message);
        break;
    }
  }

  private sendCommand(command: TaskCommand): void {
    const taskId = this.taskId;
    if (!taskId) return;
    if (command === 'copyErrors' || command === 'saveErrors') this.host.post({ type: command, taskId, filter: this.table.text });
    else this.host.post({ type: command, taskId });
  }

  private saveState(): void {
    const { taskId, connectionId } = this;
    this.host.saveState(connectionId ? { taskId, connectionId, filter: this.table.text } : { taskId, filter: this.table.text });
  }

  private render(): void {
    const { app, view } = this;
    app.setAttribute('aria-busy', 'false');
    if (!view) {
      const subject = this.taskId ? `task ${this.taskId}` : 'task';
      app.replaceChildren(h('p', { className: 'placeholder', text: this.problem ? `Could not load ${subject}.` : `Loading ${subject}…` }));
      app.removeAttribute('data-task');
      if (this.problem) app.appendChild(problemBanner(this.problem, this.send));
      return;
    }
    const started = performance.now();
    // What a person asks first ("did it work, which rows failed?") comes first.
    const fresh = [
      taskHeader(view, this.send),
      banners(view, this.problem, this.send),
      overview(view, this.send),
      records(view),
      errorsSection(view.errors, this.table, this.send),
      times(view),
      metadata(view),
    ];
    const update = app.getAttribute('data-task') === view.id;
    // Read before the patch, which may put a new table in place of the one the reader scrolled.
    const table = document.getElementById('errors-table');
    const tableScroll = update && table ? table.scrollTop : 0;
    if (update) patchChildren(app, fresh);
    else app.replaceChildren(...fresh);
    app.setAttribute('data-task', view.id);
    this.table.show(view.errors.entries, update, tableScroll);
    app.dataset.renderMs = String(Math.round((performance.now() - started) * 100) / 100);
  }

  /** Runs `action` without losing the reader's place or the filter box focus. */
  private keepScroll(action: () => void): void {
    const x = window.scrollX;
    const y = window.scrollY;
    const filterFocused = document.activeElement?.id === 'errors-filter';
    action();
    window.scrollTo(x, y);
    if (filterFocused) document.getElementById('errors-filter')?.focus();
  }
}
