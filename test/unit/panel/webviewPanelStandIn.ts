import * as standIn from '../vscodeStandIn';
import { EventEmitter } from '../vscodeStandIn';

/*
 * What TaskPanel needs from `vscode` beyond the shared stand-in (Uri.joinPath, the clipboard),
 * added to it here, and a webview panel whose page the test plays: it records what the host
 * posts and lets the test send what the page would.
 */

class StandInUri {
  constructor(readonly path: string) {}
  static joinPath(base: StandInUri, ...parts: string[]): StandInUri {
    return new StandInUri([base.path, ...parts].join('/'));
  }
  toString(): string {
    return `file://${this.path}`;
  }
}

export const clipboard: string[] = [];
Object.assign(standIn as Record<string, unknown>, {
  Uri: StandInUri,
  env: { clipboard: { writeText: async (text: string) => void clipboard.push(text) } },
});

export const extensionUri = new StandInUri('/extension');

export class StandInWebviewPanel {
  /** Everything the host posted to the page, in order. */
  readonly posted: unknown[] = [];
  title = '';
  iconPath: unknown;
  visible = true;
  disposed = false;
  private readonly received = new EventEmitter<unknown>();
  private readonly viewState = new EventEmitter<void>();
  private readonly disposal = new EventEmitter<void>();
  readonly webview = {
    options: {},
    html: '',
    cspSource: 'vscode-webview:',
    asWebviewUri: (uri: StandInUri) => uri,
    onDidReceiveMessage: this.received.event,
    postMessage: async (message: unknown) => {
      this.posted.push(message);
      return true;
    },
  };
  readonly onDidChangeViewState = this.viewState.event;
  readonly onDidDispose = this.disposal.event;

  /** The page sends a message, as src/webview does with vscode.postMessage. */
  fromPage(message: unknown): void {
    this.received.fire(message);
  }

  /** The user hides or shows the panel's tab. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.viewState.fire();
  }

  reveal(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposal.fire();
  }
}
