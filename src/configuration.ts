import * as vscode from 'vscode';
import { DEFAULT_RETRY_WINDOW_MS } from './api/taskSchema';
import { DEFAULT_POLL_SETTINGS, type PollSettings } from './polling/pollSettings';

/*
 * Every `flexprice.*` setting is read here. The manifest's minimums and maximums are only hints
 * to the Settings editor (settings.json takes anything), so they are enforced here too.
 */

const config = () => vscode.workspace.getConfiguration('flexprice');

const DEFAULT_TIMEOUT_SECONDS = 30;

/** How long a request may take, in ms. Where requests go is the connection's (src/connections). */
export function readRequestTimeoutMs(): number {
  const seconds = config().get<number>('requestTimeoutSeconds', DEFAULT_TIMEOUT_SECONDS);
  return Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000);
}

/** True when a settings change means clients must be built again. */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('flexprice.requestTimeoutSeconds');
}

export type NotificationLevel = 'all' | 'failures' | 'none';

const POLL_SECTIONS = ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds', 'refresh.unfocusedMultiplier', 'autoRefresh', 'pageSize'];

/** The poller's settings: a value out of range is clamped, and one that is not a number is the default. */
export function readPollSettings(): PollSettings {
  const settings = config();
  const bounded = (key: string, fallback: number, min: number, max: number) => {
    const value = settings.get<unknown>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  const minIntervalMs = bounded('refresh.minIntervalSeconds', DEFAULT_POLL_SETTINGS.minIntervalMs / 1000, 0.5, 600) * 1000;
  const maxIntervalMs = bounded('refresh.maxIntervalSeconds', DEFAULT_POLL_SETTINGS.maxIntervalMs / 1000, 0.5, 3600) * 1000;
  return {
    minIntervalMs,
    maxIntervalMs: Math.max(minIntervalMs, maxIntervalMs),
    unfocusedMultiplier: bounded('refresh.unfocusedMultiplier', DEFAULT_POLL_SETTINGS.unfocusedMultiplier, 1, 100),
    autoRefresh: settings.get<unknown>('autoRefresh', true) !== false,
    pageSize: Math.round(bounded('pageSize', DEFAULT_POLL_SETTINGS.pageSize, 1, 1000)),
    retryWindowMs: DEFAULT_RETRY_WINDOW_MS,
  };
}

/** Where a toggle writes: the workspace's settings if they hold a value (they win), else the user's. */
export function targetHolding(inspected: { workspaceValue?: unknown } | undefined): vscode.ConfigurationTarget {
  return inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** Turns auto-refresh on or off, at the level that holds the value. */
export function setAutoRefresh(on: boolean): Thenable<void> {
  const settings = config();
  return settings.update('autoRefresh', on, targetHolding(settings.inspect('autoRefresh')));
}

export function affectsPolling(event: vscode.ConfigurationChangeEvent): boolean {
  return POLL_SECTIONS.some((section) => event.affectsConfiguration(`flexprice.${section}`));
}

export function readNotificationLevel(): NotificationLevel {
  const value = config().get<string>('notifications', 'all');
  return value === 'failures' || value === 'none' ? value : 'all';
}
