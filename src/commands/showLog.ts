import * as vscode from 'vscode';
import { SHOW_LOG_COMMAND, type OutputLog } from '../log/outputLog';

/** "Flexprice: Show Log" (runs without loading core). */
export function register(log: OutputLog): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show());
}
