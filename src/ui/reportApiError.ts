import * as vscode from 'vscode';
import { isFlexpriceApiError } from '../api/apiError';
import { SHOW_LOG_COMMAND } from '../log/outputLog';

export interface ErrorContext {
  /** The task asked for, named in "not found" messages. */
  readonly taskId?: string;
  /** The API base URL asked, named in "not found" and "unreachable" messages. */
  readonly apiUrl: string;
  /** The connection asked, named in messages and edited by "Edit Connection". */
  readonly connectionName?: string;
  readonly connectionId?: string;
  /** False for a connection from the environment, which is changed there: no "Edit Connection". */
  readonly editable?: boolean;
  /** Runs the failed action again when the user picks "Retry". */
  readonly retry?: () => unknown;
  /** Forgets a declined plain-HTTP consent, so that "Ask Again" asks before the retry. */
  readonly askHttpConsentAgain?: () => void;
}

const SET_KEY = 'Set API Key';
const EDIT_CONNECTION = 'Edit Connection';
const SWITCH_CONNECTION = 'Switch Connection';
const RETRY = 'Retry';
const ASK_AGAIN = 'Ask Again';
const SHOW_LOG = 'Show Log';

/** Shows one clear message for a failed request, with the action that fixes it and Show Log. */
export async function reportApiError(error: unknown, context: ErrorContext): Promise<void> {
  const { message, actions } = describe(error, context);
  if (!message) return;
  const choice = await vscode.window.showErrorMessage(message, ...actions, SHOW_LOG);
  if (choice === SET_KEY) await vscode.commands.executeCommand('flexprice.setApiKey');
  if (choice === EDIT_CONNECTION) await vscode.commands.executeCommand('flexprice.editConnection', context.connectionId);
  if (choice === SWITCH_CONNECTION) await vscode.commands.executeCommand('flexprice.switchConnection');
  if (choice === SHOW_LOG) await vscode.commands.executeCommand(SHOW_LOG_COMMAND);
  if (choice === ASK_AGAIN) context.askHttpConsentAgain?.();
  if (choice === RETRY || choice === ASK_AGAIN) await context.retry?.();
}

function describe(error: unknown, context: ErrorContext): { message?: string; actions: string[] } {
  if (!isFlexpriceApiError(error)) {
    return { message: `Flexprice: ${error instanceof Error ? error.message : String(error)}`, actions: [] };
  }
  const retry = context.retry ? [RETRY] : [];
  const edit = context.editable === false ? [] : [EDIT_CONNECTION];
  const at = context.connectionName ? `"${context.connectionName}" (${context.apiUrl})` : context.apiUrl;
  switch (error.kind) {
    case 'cancelled':
      return { actions: [] };
    case 'http_refused':
      return { message: error.message, actions: [...edit, ...(context.askHttpConsentAgain ? [ASK_AGAIN] : [])] };
    case 'unauthorized':
      return { message: error.message, actions: [SET_KEY] };
    case 'forbidden':
      return { message: error.message, actions: [SET_KEY, ...edit] };
    case 'not_found':
      return {
        message: context.taskId
          ? `Task "${context.taskId}" was not found at ${at}. Check the ID, or whether it belongs to another connection (Sandbox or Production).`
          : `Not found at ${at}: ${error.message}`,
        actions: [SWITCH_CONNECTION, ...edit],
      };
    case 'unreachable':
      return { message: `Cannot reach Flexprice at ${at}. ${error.message}`, actions: [...edit, ...retry] };
    case 'invalid_response':
      return { message: `${error.message} Is ${context.apiUrl} a Flexprice API URL?`, actions: [...edit, ...retry] };
    case 'timed_out':
    case 'server_error':
    case 'rate_limited':
      return { message: error.message, actions: retry };
    default:
      return { message: error.message, actions: [] };
  }
}
