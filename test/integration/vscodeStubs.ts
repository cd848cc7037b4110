import * as vscode from 'vscode';

type Window = typeof vscode.window;

/**
 * Replaces a `vscode.window` function for one test, recording its calls. Integration tests
 * answer input boxes and read messages this way; the UI tests drive the real widgets.
 */
export function stubWindow<K extends keyof Window>(name: K, implementation: Window[K]) {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    calls.push(args);
    return (implementation as (...a: unknown[]) => unknown)(...args);
  };
  return { calls, restore: () => void (window[name] = original) };
}

/** Answers successive input boxes with the given values (undefined = the user pressed Escape). */
export function answerInputBoxes(...answers: (string | undefined)[]) {
  return stubWindow('showInputBox', (async () => answers.shift()) as Window['showInputBox']);
}

/** Records information and error messages instead of showing them; picks no action. */
export function recordMessages() {
  const info = stubWindow('showInformationMessage', (async () => undefined) as Window['showInformationMessage']);
  const error = stubWindow('showErrorMessage', (async () => undefined) as Window['showErrorMessage']);
  return {
    info: () => info.calls.map((args) => String(args[0])),
    errors: () => error.calls.map((args) => String(args[0])),
    restore: () => {
      info.restore();
      error.restore();
    },
  };
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('flexprice').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Runs "Flexprice: Set API Key" as a user would, answering its password box with `key`. */
export async function setApiKeyThroughCommand(key: string): Promise<void> {
  const input = answerInputBoxes(key);
  const messages = recordMessages();
  try {
    await vscode.commands.executeCommand('flexprice.setApiKey');
  } finally {
    input.restore();
    messages.restore();
  }
}
