import { formatRelative } from './time';

/**
 * `Stalled — no update for 3 h`, for a task stale since `since` (see staleSince in the API's
 * task settlement); the tree's rows and hovers and the panel's banner all say it in these words.
 */
export function stalledNote(since: Date | undefined, now: Date): string | undefined {
  return since && `Stalled — no update for ${formatRelative(since, now).replace(/ ago$/, '')}`;
}
