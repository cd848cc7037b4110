import * as vscode from 'vscode';
import { normalizeTaskId } from '../api/taskId';
import type { Task } from '../api/taskSchema';
import { readPanelState } from '../webview/protocol/webviewMessage';
import { panelResourceRoots, TaskPanel, type TaskPanelDeps } from './taskPanel';
import { TASK_PANEL_VIEW_TYPE } from './viewType';

/**
 * Owns every open task panel: one per task ID. Asking for a task that is already open
 * reveals that panel; panels restored after a reload come back through `revive`.
 */
export class TaskPanels implements vscode.Disposable {
  /** By connection and task: the same ID in Sandbox and in Production is two panels. */
  private readonly panels = new Map<string, TaskPanel>();

  constructor(
    private readonly deps: TaskPanelDeps,
    /** The connection a panel is bound to when none is named (the active one). */
    private readonly activeConnectionId: () => string = () => '',
  ) {}

  /** Opens (or reveals) the panel of a task just fetched with `connectionId`, and shows that copy. */
  show(task: Task, connectionId = this.activeConnectionId()): TaskPanel {
    const existing = this.panels.get(panelKey(connectionId, task.id));
    if (existing) {
      existing.reveal();
      existing.show(task);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TASK_PANEL_VIEW_TYPE, task.id, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: panelResourceRoots(this.deps.extensionUri),
    });
    const created = this.adopt(panel, task.id, connectionId);
    created.show(task);
    return created;
  }

  /**
   * Restores a panel after a window reload from its saved state (the task ID and its
   * connection) and fetches the task again with that connection. A panel whose state is
   * unusable, or whose connection was removed, is closed.
   */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = readPanelState(state);
    const id = saved ? normalizeTaskId(saved.taskId) : undefined;
    const connectionId = saved?.connectionId ?? this.activeConnectionId();
    const known = !this.deps.connections || this.deps.connections.badge(connectionId) !== undefined;
    if (!id?.ok || !known || this.panels.has(panelKey(connectionId, id.id))) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, id.id, connectionId).refresh(false);
  }

  get(taskId: string, connectionId = this.activeConnectionId()): TaskPanel | undefined {
    return this.panels.get(panelKey(connectionId, taskId));
  }

  get openTaskIds(): string[] {
    return [...this.panels.values()].map((panel) => panel.taskId);
  }

  private adopt(panel: vscode.WebviewPanel, taskId: string, connectionId: string): TaskPanel {
    const key = panelKey(connectionId, taskId);
    const taskPanel = new TaskPanel(panel, taskId, this.deps, connectionId);
    this.panels.set(key, taskPanel);
    taskPanel.onDidDispose(() => this.panels.delete(key));
    return taskPanel;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

const panelKey = (connectionId: string, taskId: string) => `${connectionId}\n${taskId}`;
