import * as z from 'zod/mini';
import { absentable, readEachItem, type UnreadableItem } from './lenientFields';

/*
 * The task shape as real Flexprice servers send it (see CONTRACT.md). The schemas are the one
 * source of truth; the types below are inferred from them.
 *
 * Normalisation: every field but `id` may be missing or null on the wire, and both come out as
 * `undefined`, never `null`, so readers only ever test for `undefined`.
 * Empty strings (e.g. `file_url: ""`) are kept as sent. Enums are open: any string is kept as-is.
 * Unknown extra fields are accepted and dropped.
 */


const text = absentable(z.string());
const count = absentable(z.int());
/** RFC 3339 timestamps are kept as the server sent them; see parseTaskDate. */
const timestamp = text;

export const KNOWN_TASK_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export const KNOWN_TASK_TYPES = ['IMPORT', 'EXPORT'] as const;
/** Imports use the upper-case values, exports the lower-case ones (outside the published enum). */
export const KNOWN_ENTITY_TYPES = [
  'EVENTS',
  'PRICES',
  'CUSTOMERS',
  'FEATURES',
  'events',
  'invoice',
  'credit_topups',
  'credit_usage',
  'usage_analytics',
] as const;
export const KNOWN_FILE_TYPES = ['CSV', 'JSON'] as const;
/** The record status (`status`), not the task status. */
export const KNOWN_RECORD_STATUSES = ['published', 'deleted', 'archived'] as const;

export type KnownTaskStatus = (typeof KNOWN_TASK_STATUSES)[number];

export const TaskSchema = z.object({
  id: z.string().check(z.minLength(1)),
  task_type: text,
  entity_type: text,
  file_url: text,
  file_name: text,
  file_type: text,
  task_status: text,
  total_records: count,
  processed_records: count,
  successful_records: count,
  failed_records: count,
  error_summary: text,
  metadata: absentable(z.record(z.string(), z.unknown())),
  started_at: timestamp,
  completed_at: timestamp,
  failed_at: timestamp,
  created_at: timestamp,
  updated_at: timestamp,
  environment_id: text,
  tenant_id: text,
  status: text,
  created_by: text,
  updated_by: text,
});

export type Task = z.infer<typeof TaskSchema>;

const PaginationWireSchema = z.object({
  total: count,
  limit: count,
  offset: count,
});

/**
 * A list item that is not a readable task (a count sent as text, metadata as an array, no id).
 * It is set aside rather than failing the whole list, so one bad row cannot hide the others.
 */
export type UnreadableTask = UnreadableItem;

/**
 * Each item is read on its own: readable ones become `items`, the others `unreadable`. Only a
 * broken envelope (not an object, `items` not an array, bad pagination) fails the whole list.
 * `items: null` reads as no items; missing pagination numbers are derived from the items sent.
 */
export const TaskListSchema = z.pipe(
  z.object({
    items: absentable(z.array(z.unknown())),
    pagination: absentable(PaginationWireSchema),
  }),
  z.transform(({ items: sent = [], pagination }) => {
    const { items, unreadable } = readEachItem(sent, TaskSchema);
    const offset = pagination?.offset ?? 0;
    return {
      items,
      unreadable,
      pagination: {
        total: pagination?.total ?? offset + sent.length,
        limit: pagination?.limit ?? sent.length,
        offset,
      },
    };
  }),
);

export type TaskList = z.infer<typeof TaskListSchema>;
export type Pagination = TaskList['pagination'];

/** Export files live at s3:// URLs no browser opens; the link handed out must be http(s). */
export const DownloadLinkSchema = z.object({
  download_url: z.string().check(z.regex(/^https?:\/\/\S/i, 'is not an http(s) link')),
});

export type DownloadLink = z.infer<typeof DownloadLinkSchema>;

export { parseTaskDate } from './taskDate';
export { isSettled, isStale, isTerminalStatus, staleSince, DEFAULT_RETRY_WINDOW_MS, STALE_AFTER_MS } from './taskSettlement';
