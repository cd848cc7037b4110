import * as vscode from 'vscode';
import { DEFAULT_RETRY_WINDOW_MS } from '../api/taskSchema';
import { DEFAULT_POLL_SETTINGS, type PollSettings } from '../polling/pollSettings';

export type NotificationLevel = 'all' | 'failures' | 'none';

const SECTIONS = ['refresh.minIntervalSeconds', 'refresh.maxIntervalSeconds', 'refresh.unfocusedMultiplier', 'autoRefresh', 'pageSize'];

/** The poller's settings from the user's `flexprice.*` settings, with nonsense values replaced by defaults. */
export function readPollSettings(): PollSettings {
  const config = vscode.workspace.getConfiguration('flexprice');
  const positive = (key: string, fallback: number) => {
    const value = config.get<number>(key, fallback);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const minIntervalMs = positive('refresh.minIntervalSeconds', DEFAULT_POLL_SETTINGS.minIntervalMs / 1000) * 1000;
  const maxIntervalMs = positive('refresh.maxIntervalSeconds', DEFAULT_POLL_SETTINGS.maxIntervalMs / 1000) * 1000;
  return {
    minIntervalMs,
    maxIntervalMs: Math.max(minIntervalMs, maxIntervalMs),
    unfocusedMultiplier: Math.max(1, positive('refresh.unfocusedMultiplier', DEFAULT_POLL_SETTINGS.unfocusedMultiplier)),
    autoRefresh: config.get<boolean>('autoRefresh', true),
    pageSize: Math.round(positive('pageSize', DEFAULT_POLL_SETTINGS.pageSize)),
    retryWindowMs: DEFAULT_RETRY_WINDOW_MS,
  };
}

export function affectsPolling(event: vscode.ConfigurationChangeEvent): boolean {
  return SECTIONS.some((section) => event.affectsConfiguration(`flexprice.${section}`));
}

export function readNotificationLevel(): NotificationLevel {
  const value = vscode.workspace.getConfiguration('flexprice').get<string>('notifications', 'all');
  return value === 'failures' || value === 'none' ? value : 'all';
}
