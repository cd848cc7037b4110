import type { PageMessage, PageState } from './protocol/messages';
import { isConnectionId } from './protocol/taskViewChecks';

/** What VS Code gives a webview page: the one way to reach the host, and state kept across reloads. */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The page's side of the webview: typed messages to the host, and its saved state. */
export class PageHost {
  private readonly api = acquireVsCodeApi();

  post(message: PageMessage): void {
    this.api.postMessage(message);
  }

  /** The state a reloaded page left, with anything unusable left out. */
  loadState(): PageState {
    const saved = this.api.getState();
    const { taskId, connectionId, filter } = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
    const state = { taskId: typeof taskId === 'string' ? taskId : undefined, filter: typeof filter === 'string' ? filter : '' };
    return isConnectionId(connectionId) ? { ...state, connectionId } : state;
  }

  saveState(state: PageState): void {
    this.api.setState(state);
  }
}
