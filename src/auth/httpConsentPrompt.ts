import * as vscode from 'vscode';
import type { HttpConsentAnswer } from './httpConsent';

const SEND = 'Send over HTTP';
const OPEN_SETTINGS = 'Open Settings';

/** The modal question HttpConsent asks before the key first goes to a plain-HTTP origin. */
export async function askToSendOverHttp(origin: string): Promise<HttpConsentAnswer> {
  const choice = await vscode.window.showWarningMessage(
    `Send your Flexprice API key to ${origin} without encryption?`,
    {
      modal: true,
      detail:
        'This API URL uses plain HTTP, so anyone on the network between you and the server can read the key and use it. ' +
        'Use an https:// URL if the server supports it. You are asked once for each server.',
    },
    SEND,
    OPEN_SETTINGS,
  );
  if (choice === SEND) return 'send';
  if (choice === OPEN_SETTINGS) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'flexprice.apiUrl');
    return 'openSettings';
  }
  return undefined;
}
