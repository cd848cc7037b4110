import * as vscode from 'vscode';
import { DEFAULT_RETRY_WINDOW_MS } from '../api/taskSchema';
import { DEFAULT_POLL_SETTINGS, type PollSettings } from '../polling/pollSettings';

export type NotificationLevel = 'all' | 'failures' | 'none';

const SECTIONS = ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds', 'refresh.unfocusedMultiplier', 'autoRefresh', 'pageSize'];

/**
 * The poller's settings from the user's `flexprice.*` settings. The manifest's minimums and
 * maximums are only hints to the Settings editor (settings.json takes anything), so they are
 * enforced here: a value out of range is clamped, and one that is not a number is the default.
 */
export function readPollSettings(): PollSettings {
  const config = vscode.workspace.getConfiguration('flexprice');
  const bounded = (key: string, fallback: number, min: number, max: number) => {
    const value = config.get<unknown>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  const minIntervalMs = bounded('refresh.minIntervalSeconds', DEFAULT_POLL_SETTINGS.minIntervalMs / 1000, 0.5, 600) * 1000;
  const maxIntervalMs = bounded('refresh.maxIntervalSeconds', DEFAULT_POLL_SETTINGS.maxIntervalMs / 1000, 0.5, 3600) * 1000;
  return {
    minIntervalMs,
    maxIntervalMs: Math.max(minIntervalMs, maxIntervalMs),
    unfocusedMultiplier: bounded('refresh.unfocusedMultiplier', DEFAULT_POLL_SETTINGS.unfocusedMultiplier, 1, 100),
    autoRefresh: config.get<unknown>('autoRefresh', true) !== false,
    pageSize: Math.round(bounded('pageSize', DEFAULT_POLL_SETTINGS.pageSize, 1, 1000)),
    retryWindowMs: DEFAULT_RETRY_WINDOW_MS,
  };
}

/** Where a toggle writes: the workspace's settings if they hold a value (they win), else the user's. */
export function targetHolding(inspected: { workspaceValue?: unknown } | undefined): vscode.ConfigurationTarget {
  return inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export function affectsPolling(event: vscode.ConfigurationChangeEvent): boolean {
  return SECTIONS.some((section) => event.affectsConfiguration(`flexprice.${section}`));
}

export function readNotificationLevel(): NotificationLevel {
  const value = vscode.workspace.getConfiguration('flexprice').get<string>('notifications', 'all');
  return value === 'failures' || value === 'none' ? value : 'all';
}
