import * as vscode from 'vscode';
import { apiUrlProblem, CLOUD_INDIA_URL, CLOUD_US_URL, type Connection, connectionLabel, describeApiUrl, environmentLabel, isProduction } from '../connections/connection';
import type { ConnectionStore } from '../connections/connectionStore';

/*
 * The questions that adding and editing a connection ask. Escape anywhere answers undefined,
 * and nothing is saved until the last one is answered.
 */

interface UrlItem extends vscode.QuickPickItem {
  readonly url?: string;
}

/** Flexprice Cloud US or India, or a self-hosted URL typed in. */
export async function askApiUrl(title: string, current?: string): Promise<string | undefined> {
  const cloud = (label: string, url: string): UrlItem => ({ label, description: url, url, ...(current === url ? { detail: 'current' } : {}) });
  const items: UrlItem[] = [
    cloud('Flexprice Cloud US', CLOUD_US_URL),
    cloud('Flexprice Cloud India', CLOUD_INDIA_URL),
    { label: 'Self-hosted…', description: 'your own server, e.g. https://flexprice.example.com/v1' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'Where is the Flexprice API?', ignoreFocusOut: true });
  if (!choice) return undefined;
  if (choice.url) return choice.url;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Base URL of your Flexprice API, including /v1. Plain http:// to another machine asks before the key is sent unencrypted.',
    placeHolder: 'https://flexprice.example.com/v1',
    value: current && current !== CLOUD_US_URL && current !== CLOUD_INDIA_URL ? current : '',
    ignoreFocusOut: true,
    validateInput: (value) => apiUrlProblem(value),
  });
  return typed === undefined || apiUrlProblem(typed) ? undefined : typed.trim();
}

export async function askApiKey(title: string, forWhat: string): Promise<string | undefined> {
  const key = await vscode.window.showInputBox({
    title,
    prompt: `Paste the Flexprice API key for ${forWhat} (Flexprice dashboard → Developers → API Keys). It is kept in VS Code's secret storage.`,
    placeHolder: 'Flexprice API key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter an API key, or press Escape to cancel.'),
  });
  return key?.trim() || undefined;
}

/** Resolves to the ID typed ('' to send none), or undefined on Escape. */
export function askEnvironmentId(title: string, current?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'Environment ID sent as X-Environment-ID. Only self-hosted keys from the server\'s config need it: leave it empty for keys made in the dashboard.',
    placeHolder: 'optional, e.g. env_01…',
    value: current ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => (/^[\w.:-]*$/.test(value.trim()) ? undefined : 'Letters, digits, _ . : - only.'),
  });
}

export async function askName(store: ConnectionStore, title: string, suggested: string, exceptId?: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title,
    prompt: 'A name for this connection, shown in the status bar and the Tasks view. A workspace can pick it by this name (flexprice.connection).',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => store.nameProblem(value, exceptId),
  });
  return name?.trim() || undefined;
}

export interface ConnectionItem extends vscode.QuickPickItem {
  readonly connection: Connection;
}

/** A connection as a picker row: a flame for Production, the active one marked. */
export function connectionItem(connection: Connection, activeId: string | undefined): ConnectionItem {
  const identity = connection.identity;
  const environment = environmentLabel(identity);
  const active = connection.id === activeId;
  return {
    label: `${isProduction(connection) ? '$(flame)' : '$(plug)'} ${connectionLabel(connection)}`,
    description: [active ? '$(check) active' : '', environment, describeApiUrl(connection.apiUrl)].filter(Boolean).join(' · '),
    detail: [connection.apiUrl, connection.environmentId && `environment ${connection.environmentId}`, connection.origin === 'environment' ? 'from the environment' : '']
      .filter(Boolean)
      .join(' · '),
    connection,
  };
}

/**
 * Asks which connection, unless an argument names one (its ID or name, or `{ connectionId }`).
 * From a view's row or title bar (any other argument) it is the active connection.
 */
export async function pickConnection(store: ConnectionStore, argument: unknown, title: string, savedOnly = false): Promise<Connection | undefined> {
  if (namesConnection(argument)) {
    const named = connectionFromArgument(store, argument);
    if (!named) void vscode.window.showErrorMessage('Flexprice: there is no such connection.');
    return named;
  }
  const active = store.active();
  if (argument !== undefined && argument !== null && active && (!savedOnly || active.origin === 'saved')) return active;
  const candidates = store.list().filter((connection) => !savedOnly || connection.origin === 'saved');
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(savedOnly ? 'Flexprice: no saved connection to change.' : 'Flexprice: no connection yet.');
    return undefined;
  }
  const activeId = store.active()?.id;
  const choice = await vscode.window.showQuickPick(candidates.map((connection) => connectionItem(connection, activeId)), { title, ignoreFocusOut: true, matchOnDetail: true });
  return choice?.connection;
}

/** A string, or an object carrying `connectionId`: what commands take to name a connection. */
export function namesConnection(argument: unknown): boolean {
  return typeof argument === 'string' || typeof (argument as { connectionId?: unknown } | null | undefined)?.connectionId === 'string';
}

export function connectionFromArgument(store: ConnectionStore, argument: unknown): Connection | undefined {
  const text = typeof argument === 'string' ? argument : (argument as { connectionId?: unknown } | null | undefined)?.connectionId;
  if (typeof text !== 'string') return undefined;
  return store.get(text) ?? store.byName(text);
}
