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
  private readonly panels = new Map<string, TaskPanel>();

  constructor(private readonly deps: TaskPanelDeps) {}

  /** Opens (or reveals) the panel of a task just fetched, and shows that copy. */
  show(task: Task): TaskPanel {
    const existing = this.panels.get(task.id);
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
    const created = this.adopt(panel, task.id);
    created.show(task);
    return created;
  }

  /**
   * Restores a panel after a window reload from its saved state (the task ID only) and
   * fetches the task again. A panel whose state is unusable is closed.
   */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = readPanelState(state);
    const id = saved ? normalizeTaskId(saved.taskId) : undefined;
    if (!id?.ok || this.panels.has(id.id)) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, id.id).refresh(false);
  }

  get(taskId: string): TaskPanel | undefined {
    return this.panels.get(taskId);
  }

  get openTaskIds(): string[] {
    return [...this.panels.keys()];
  }

  private adopt(panel: vscode.WebviewPanel, taskId: string): TaskPanel {
    const taskPanel = new TaskPanel(panel, taskId, this.deps);
    this.panels.set(taskId, taskPanel);
    taskPanel.onDidDispose(() => this.panels.delete(taskId));
    return taskPanel;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
