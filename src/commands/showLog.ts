import * as vscode from 'vscode';
import type { OutputLog } from '../log/outputLog';

export const SHOW_LOG_COMMAND = 'flexprice.showLog';

export function registerShowLog(log: OutputLog): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show());
}
