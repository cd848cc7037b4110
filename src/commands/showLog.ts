import * as vscode from 'vscode';
import type { OutputLog } from '../log/outputLog';

export const SHOW_LOG_COMMAND = 'flexprice.showLog';

/** "Flexprice: Show Log" (runs without loading core). */
export function register(log: OutputLog): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show());
}
