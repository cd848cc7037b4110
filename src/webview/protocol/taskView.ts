/*
 * What the panel's page renders, as plain data: the host builds it (src/panel/taskViewModel.ts,
 * taskTimeView.ts, errorSummary.ts), the page draws it, after checking it field by field
 * (taskViewChecks.ts). Every string may hold anything the server sent: the page shows it with
 * textContent only.
 */

/**
 * The part of the panel that ages by itself: relative times, the running duration, "Fetched …"
 * and whether the task has stalled. The host posts it again every 30 s, so it stays true with
 * no request and no new page.
 */
export interface TaskTimeView {
  readonly times: readonly TimeRow[];
  readonly duration: string | undefined;
  /** True while the panel keeps refreshing this task by itself. */
  readonly live: boolean;
  /** What the live indicator says: "Live", or how rarely a stalled task is still looked at. */
  readonly liveNote: { readonly label: string; readonly title: string };
  /** The banner of a PENDING or PROCESSING task with no update for over an hour. */
  readonly stalled: string | undefined;
  readonly updatedLabel: string;
}

export interface TimeRow { readonly label: string; readonly local: string; readonly relative: string; readonly iso: string }

/** Everything the panel shows, already formatted. */
export interface TaskView extends TaskTimeView {
  readonly id: string;
  readonly title: string;
  readonly status: { readonly label: string; readonly tone: StatusTone; readonly icon: string };
  readonly facts: readonly Row[];
  readonly records: RecordsView;
  readonly metadata: readonly MetadataRow[];
  readonly details: readonly Row[];
  readonly errors: ErrorsView;
  readonly actions: { readonly openFile: ActionState; readonly openInEditor: ActionState & { readonly offered: boolean } };
  /** An export's own facts; absent for imports and for an export of which none is known. */
  readonly exportInfo?: ExportView;
  /** The connection the panel was opened with, and reads with: shown in its header. */
  readonly connection?: ConnectionBadge;
}

/**
 * Which connection a panel belongs to. `production` puts an unmistakable "Production" badge in
 * the header; `active` false says the window has switched to another connection since (the
 * panel still reads with its own key, but is not refreshed live).
 */
export interface ConnectionBadge {
  readonly id: string;
  readonly name: string;
  readonly production: boolean;
  readonly active: boolean;
}

/** What an export copied, how big its file is, and the schedule that ran it: each absent while unknown. */
export interface ExportView {
  /** The data interval in words (`Nov 30, 2026, 00:00 → Dec 1, 2026, 00:00 UTC (1 day)`) and in RFC 3339, for its tooltip. */
  readonly interval?: { readonly words: string; readonly utc: string };
  /** `47.1 KB (48,213 bytes)`. */
  readonly fileSize?: string;
  /** The scheduled export this task is a run of; the page offers to reveal it (a 'revealSchedule' message). */
  readonly scheduleId?: string;
}

export type StatusTone = 'pending' | 'processing' | 'completed' | 'failed' | 'unknown';
export interface Row { readonly label: string; readonly value: string }
export interface MetadataRow { readonly key: string; readonly value: string; readonly json: boolean }

export interface RecordsView {
  readonly total: string;
  readonly processed: string;
  readonly successful: string;
  readonly failed: string;
  readonly hasFailures: boolean;
  readonly progress:
    | { readonly mode: 'determinate'; readonly percent: number; readonly label: string }
    | { readonly mode: 'indeterminate'; readonly label: string }
    | { readonly mode: 'none'; readonly label: string };
}

/** `finalChunk` is its own kind, so its rows keep the word "Final" and still show their number. */
export type ErrorEntryKind = 'Record' | 'Chunk' | 'finalChunk' | 'other';

/** One entry of a task's `error_summary`, as parseErrorSummary (src/panel/errorSummary.ts) reads it. */
export interface ErrorEntry {
  readonly kind: ErrorEntryKind;
  /** The record or chunk number as sent (records count from 0 within their 1,000-row chunk). */
  readonly number: number | undefined;
  /** The message after the head; the whole entry text for `other` entries. */
  readonly message: string;
  /** The entry exactly as it appeared, trimmed. */
  readonly text: string;
}

export interface ErrorsView {
  readonly entries: readonly ErrorEntry[];
  /** A plain sentence when there is nothing to list, e.g. a FAILED task without a summary. */
  readonly note: string | undefined;
  /** A failed export: its error as one cause, shown instead of the entries (which are then empty). */
  readonly cause?: ErrorCause;
}

export interface ErrorCause {
  /** The job's own error, out of the workflow engine's wrapping. */
  readonly text: string;
  /** The summary exactly as the server sent it, trimmed; absent when it is `text` itself. */
  readonly full?: string;
}

/** Whether an action button works, and if not, why. */
export interface ActionState {
  readonly enabled: boolean;
  /** Why the action is unavailable, shown beside the disabled button. */
  readonly reason?: string;
}
