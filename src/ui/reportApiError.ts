import * as vscode from 'vscode';
import { isFlexpriceApiError } from '../api/apiError';
import { SHOW_LOG_COMMAND } from '../log/outputLog';

export interface ErrorContext {
  /** The task asked for, named in "not found" messages. */
  readonly taskId?: string;
  /** The API base URL asked, named in "not found" and "unreachable" messages. */
  readonly apiUrl: string;
  /** Runs the failed action again when the user picks "Retry". */
  readonly retry?: () => unknown;
  /** Forgets a declined plain-HTTP consent, so that "Ask Again" asks before the retry. */
  readonly askHttpConsentAgain?: () => void;
}

const SET_KEY = 'Set API Key';
const OPEN_SETTINGS = 'Open Settings';
const RETRY = 'Retry';
const ASK_AGAIN = 'Ask Again';
const SHOW_LOG = 'Show Log';

/** Shows one clear message for a failed request, with the action that fixes it and Show Log. */
export async function reportApiError(error: unknown, context: ErrorContext): Promise<void> {
  const { message, actions } = describe(error, context);
  if (!message) return;
  const choice = await vscode.window.showErrorMessage(message, ...actions, SHOW_LOG);
  if (choice === SET_KEY) await vscode.commands.executeCommand('flexprice.setApiKey');
  if (choice === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', 'flexprice');
  if (choice === SHOW_LOG) await vscode.commands.executeCommand(SHOW_LOG_COMMAND);
  if (choice === ASK_AGAIN) context.askHttpConsentAgain?.();
  if (choice === RETRY || choice === ASK_AGAIN) await context.retry?.();
}

function describe(error: unknown, context: ErrorContext): { message?: string; actions: string[] } {
  if (!isFlexpriceApiError(error)) {
    return { message: `Flexprice: ${error instanceof Error ? error.message : String(error)}`, actions: [] };
  }
  const retry = context.retry ? [RETRY] : [];
  switch (error.kind) {
    case 'cancelled':
      return { actions: [] };
    case 'http_refused':
      return { message: error.message, actions: [OPEN_SETTINGS, ...(context.askHttpConsentAgain ? [ASK_AGAIN] : [])] };
    case 'unauthorized':
      return { message: error.message, actions: [SET_KEY] };
    case 'forbidden':
      return { message: error.message, actions: [SET_KEY, OPEN_SETTINGS] };
    case 'not_found':
      return {
        message: context.taskId
          ? `Task "${context.taskId}" was not found at ${context.apiUrl}. Check the ID, or the API URL and environment in settings.`
          : `Not found at ${context.apiUrl}: ${error.message}`,
        actions: [OPEN_SETTINGS],
      };
    case 'unreachable':
      return { message: `Cannot reach Flexprice at ${context.apiUrl}. ${error.message}`, actions: [OPEN_SETTINGS, ...retry] };
    case 'invalid_response':
      return { message: `${error.message} Is ${context.apiUrl} a Flexprice API URL?`, actions: [OPEN_SETTINGS, ...retry] };
    case 'timed_out':
    case 'server_error':
    case 'rate_limited':
      return { message: error.message, actions: retry };
    default:
      return { message: error.message, actions: [] };
  }
}
