import type { HostMessage } from '../webview/protocol/messages';

/**
 * Holds back what the host posts until the page says it is ready (a message posted earlier is
 * dropped by the webview), and keeps what the page should be showing, the last task or loading
 * message and a problem that came after it, so a page that is ready again after a reload gets it too.
 */
export class HostOutbox {
  private ready = false;
  private base: HostMessage | undefined;
  private problem: HostMessage | undefined;

  constructor(private readonly send: (message: HostMessage) => void) {}

  post(message: HostMessage): void {
    if (message.type === 'task' || message.type === 'loading') {
      this.base = message;
      this.problem = undefined;
    } else if (message.type === 'problem') {
      this.problem = message;
    }
    if (this.ready) this.send(message);
  }

  /** The page is listening: it gets the current state, `base` (if given) standing in for the kept one. */
  open(base?: HostMessage): void {
    this.ready = true;
    if (base) this.base = base;
    for (const message of [this.base, this.problem]) if (message) this.send(message);
  }
}
