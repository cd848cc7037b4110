import { button, type SendCommand } from './actions';
import { h, icon } from './dom';
import type { ConnectionBadge, TaskView } from './protocol/taskView';

/** A request that failed, shown above the task (or in place of it, before one has loaded). */
export interface Problem {
  readonly message: string;
  readonly retryable: boolean;
}

/** What the header says of a panel whose connection is no longer the window's active one. */
const INACTIVE_CONNECTION_NOTE = "Not the active connection — refreshes use this connection's key; not refreshed live.";

/** Title, status, live indicator, the panel's connection, "Fetched …" and the toolbar. */
export function taskHeader(view: TaskView, send: SendCommand): HTMLElement {
  const { actions } = view;
  return h('header', { className: 'task-header' }, [
    h('div', { className: 'title-row' }, [
      h('h1', { id: 'task-title', text: view.title }),
      h('span', { id: 'status', className: `badge tone-${view.status.tone}`, role: 'status', 'aria-label': `Status: ${view.status.label}` }, [
        icon(view.status.icon, view.status.tone === 'processing' ? 'codicon-modifier-spin' : ''),
        h('span', { text: view.status.label }),
      ]),
      view.live
        ? h('span', { className: `live${view.stalled ? ' rarely' : ''}`, title: view.liveNote.title }, [icon(view.stalled ? 'watch' : 'broadcast'), h('span', { text: view.liveNote.label })])
        : null,
    ]),
    connectionLine(view.connection),
    h('p', { className: 'subtle', id: 'fetched', text: view.updatedLabel }),
    h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Task actions' }, [
      button('Refresh', 'refresh', 'refresh', send, { primary: true }),
      button('Copy ID', 'copy', 'copyId', send),
      button('Copy Link', 'link', 'copyLink', send),
      button('Copy as JSON', 'json', 'copyJson', send),
      button('Open as JSON', 'go-to-file', 'openJson', send),
      button('Open File', 'link-external', 'openFile', send, { disabled: !actions.openFile.enabled, reason: actions.openFile.reason }),
      actions.openInEditor.offered
        ? button('Open export in editor', 'file-text', 'openInEditor', send, { disabled: !actions.openInEditor.enabled, reason: actions.openInEditor.reason })
        : null,
    ]),
  ]);
}

/**
 * The connection the panel reads with: its name, a "Production" badge for a Production
 * environment (Sandbox gets none), and a note once another connection is the active one.
 * Always there, hidden without a connection, so a patch finds it where it was. The badge and
 * the note have IDs of their own, so a patch replaces one coming or going rather than
 * turning the one into the other.
 */
function connectionLine(connection: ConnectionBadge | undefined): HTMLElement {
  const children = connection
    ? [
        icon('plug'),
        h('span', { className: 'connection-label', text: 'Connection' }),
        h('span', { className: 'connection-name', text: connection.name }),
        connection.production
          ? h('span', { id: 'production-badge', className: 'production-badge', role: 'note', 'aria-label': `Production environment: ${connection.name}`, title: 'This panel reads a Production environment.' }, [
              icon('flame'),
              h('span', { text: 'Production' }),
            ])
          : null,
        connection.active ? null : h('span', { id: 'connection-inactive', className: 'connection-inactive', role: 'note' }, [icon('info'), h('span', { text: INACTIVE_CONNECTION_NOTE })]),
      ]
    : [];
  const production = connection?.production ? ' production' : '';
  return h('div', { id: 'connection', className: `connection${production}`, hidden: !connection, 'data-connection-id': connection?.id }, children);
}

/** The Stalled banner, a problem if there is one, and the place notices appear. */
export function banners(view: TaskView, problem: Problem | undefined, send: SendCommand): HTMLElement {
  return h('div', { id: 'banners' }, [stalledBanner(view), problem ? problemBanner(problem, send) : null, h('div', { id: 'notice', role: 'status', className: 'notice' })]);
}

/** Always there, hidden when the task is not stalled: a banner coming or going moves nothing else. */
function stalledBanner(view: TaskView): HTMLElement {
  return h('div', { id: 'stalled', className: 'banner stalled', role: 'status', hidden: !view.stalled }, view.stalled ? [icon('watch'), h('span', { text: view.stalled })] : []);
}

export function problemBanner(problem: Problem, send: SendCommand): HTMLElement {
  return h('div', { className: 'banner problem', role: 'alert' }, [
    icon('warning'),
    h('span', { id: 'problem-text', text: problem.message }),
    problem.retryable ? button('Retry', 'refresh', 'refresh', send) : null,
  ]);
}
