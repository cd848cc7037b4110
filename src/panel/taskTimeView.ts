import { STALE_POLL_MS } from '../polling/taskPoller';
import { parseTaskDate, staleSince, type Task } from '../api/taskSchema';
import { stalledNote } from '../format/stalledNote';
import type { TaskTimeView } from '../webview/protocol/taskView';
import { formatDuration, formatLocal, formatRelative } from '../format/time';

export type { TaskTimeView, TimeRow } from '../webview/protocol/taskView';

export interface TimeViewOptions {
  readonly now: Date;
  readonly live: boolean;
  /** When the panel got this copy of the task; `now` when not given. */
  readonly fetchedAt?: Date;
  readonly locale?: string;
  readonly timeZone?: string;
}

const TIME_FIELDS = [
  ['Created', 'created_at'],
  ['Started', 'started_at'],
  ['Completed', 'completed_at'],
  ['Failed', 'failed_at'],
  ['Updated', 'updated_at'],
] as const;

const LIVE = { label: 'Live', title: 'Refreshing by itself while the task runs' };
const CHECKED_RARELY = {
  label: `Checked every ${formatDuration(STALE_POLL_MS)}`,
  title: 'No update for over an hour, so the task is looked at only now and then',
};

export function buildTimeView(task: Task, options: TimeViewOptions): TaskTimeView {
  const { now, locale, timeZone } = options;
  const fetchedAt = options.fetchedAt ?? now;
  const note = stalledNote(staleSince(task, now), now);
  return {
    times: TIME_FIELDS.flatMap(([label, field]) => {
      const date = parseTaskDate(task[field] ?? undefined);
      if (!date) return [];
      return [{ label, local: formatLocal(date, locale, timeZone), relative: formatRelative(date, now), iso: date.toISOString() }];
    }),
    duration: durationLabel(task, now),
    live: options.live,
    liveNote: note ? CHECKED_RARELY : LIVE,
    stalled: note && `${note}. ${stalledReason(task)}`,
    updatedLabel: `Fetched ${formatLocal(fetchedAt, locale, timeZone)} (${formatRelative(fetchedAt, now)})`,
  };
}

/** Why a stalled task will likely stay as it is (CONTRACT.md, "Tasks can be stuck for ever"). */
function stalledReason(task: Task): string {
  return task.task_type === 'EXPORT'
    ? "Flexprice stops an export's workflow after 60 minutes; this task will likely not change again."
    : 'Its job may have stopped without marking it failed; this task will likely not change again.';
}

function durationLabel(task: Task, now: Date): string | undefined {
  const start = parseTaskDate(task.started_at ?? undefined) ?? parseTaskDate(task.created_at ?? undefined);
  if (!start) return undefined;
  const end = parseTaskDate(task.completed_at ?? undefined) ?? parseTaskDate(task.failed_at ?? undefined);
  if (end) return `Took ${formatDuration(end.getTime() - start.getTime())}`;
  const status = task.task_status?.trim();
  if (status === 'PROCESSING' || status === 'PENDING') {
    return `${status === 'PENDING' ? 'Waiting' : 'Running'} for ${formatDuration(now.getTime() - start.getTime())}`;
  }
  return undefined;
}
