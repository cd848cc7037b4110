import * as vscode from 'vscode';
import type { Logger } from './logger';

/** "Flexprice: Show Log", which every error notification offers. */
export const SHOW_LOG_COMMAND = 'flexprice.showLog';

/**
 * The "Flexprice Tasks" log in the Output panel. The channel is created on the first line or
 * on Show Log, so activation does not pay for it; VS Code adds the time and level to each line,
 * and the user picks the level with "Developer: Set Log Level…".
 */
export class OutputLog implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('Flexprice Tasks', { log: true });
    return this.channel;
  }

  trace(message: string): void {
    this.output.trace(message);
  }

  debug(message: string): void {
    this.output.debug(message);
  }

  info(message: string): void {
    this.output.info(message);
  }

  warn(message: string): void {
    this.output.warn(message);
  }

  error(message: string): void {
    this.output.error(message);
  }

  show(): void {
    this.output.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
