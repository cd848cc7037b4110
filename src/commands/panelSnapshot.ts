import type { CoreCommandDeps } from './coreCommandDeps';

/** One open task panel as the integration tests see it. */
export interface PanelSnapshotEntry {
  readonly taskId: string;
  /** The connection the panel is bound to; undefined for a panel whose connection is no longer listed. */
  readonly connectionId: string | undefined;
  readonly title: string;
}

/**
 * The open task panels and a way to refresh one, for the integration tests; registered only
 * outside an installed extension.
 */
export function register({ commands, panels, keys }: CoreCommandDeps): void {
  commands.define('flexprice.internal.panelSnapshot', (): PanelSnapshotEntry[] => {
    const open = panels.openTaskIds;
    const entries: PanelSnapshotEntry[] = [];
    for (const taskId of new Set(open)) {
      for (const connection of keys.connections.list()) {
        const panel = panels.get(taskId, connection.id);
        if (panel) entries.push({ taskId, connectionId: panel.connectionId, title: panel.panel.title });
      }
    }
    // A panel still open for a connection that is gone shows up too, unbound, rather than vanish from the snapshot.
    const unmatched = [...open];
    for (const { taskId } of entries) unmatched.splice(unmatched.indexOf(taskId), 1);
    return [...entries, ...unmatched.map((taskId): PanelSnapshotEntry => ({ taskId, connectionId: undefined, title: '' }))];
  });
  commands.define('flexprice.internal.refreshPanel', async (taskId: unknown, connectionId: unknown) => {
    const panel = typeof taskId === 'string' && typeof connectionId === 'string' ? panels.get(taskId, connectionId) : undefined;
    if (!panel) throw new Error(`No task panel for ${String(taskId)} on connection ${String(connectionId)}.`);
    await panel.refresh(true);
  });
}
