import { anyOf, arrayOf, isBoolean, isNumber, isString, literal, nonEmptyString, objectOf, optional, type Shape } from './checks';
import type { ConnectionBadge, ErrorCause, ErrorEntry, ErrorEntryKind, ErrorsView, ExportView, RecordsView, TaskTimeView, TaskView } from './taskView';

/** The checks of the view the host builds (taskView.ts), field by field. */

type Progress<Mode> = Extract<RecordsView['progress'], { mode: Mode }>;

const isRow = objectOf({ label: isString, value: isString });

/** The fields of TaskTimeView: all a 'times' message may change on the page. */
export const TIME_VIEW_SHAPE: Shape<TaskTimeView> = {
  times: arrayOf(objectOf({ label: isString, local: isString, relative: isString, iso: isString })),
  duration: optional(isString),
  live: isBoolean,
  liveNote: objectOf({ label: isString, title: isString }),
  stalled: optional(isString),
  updatedLabel: isString,
};

export const isTaskTimeView = objectOf<TaskTimeView>(TIME_VIEW_SHAPE);

const ENTRY_KINDS = { Record: true, Chunk: true, finalChunk: true, other: true } satisfies Record<ErrorEntryKind, true>;

/**
 * Up to 1,000 entries are most of a task message, and a fresh page checks them with cold code:
 * one loop with no calls in it, rather than a check call per field.
 */
function isErrorEntries(value: unknown): value is readonly ErrorEntry[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const entry = value[i] as { readonly [K in keyof ErrorEntry]?: unknown } | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.text !== 'string' || typeof entry.message !== 'string') return false;
    const { kind, number } = entry;
    if (typeof kind !== 'string' || (ENTRY_KINDS as Record<string, unknown>)[kind] !== true) return false;
    // Finite: NaN and ±Infinity less themselves are NaN.
    if (number !== undefined && (typeof number !== 'number' || number - number !== 0)) return false;
  }
  return true;
}

const isActionState = { enabled: isBoolean, reason: optional(isString) };

/** The longest connection ID the page takes: what the host's readPanelState takes back from a saved state. */
export const MAX_CONNECTION_ID_LENGTH = 200;
/** The longest connection name the page takes: far more than any name a person gives. */
export const MAX_CONNECTION_NAME_LENGTH = 200;

/** A connection's ID, as a view names it and the page's saved state keeps it. */
export const isConnectionId = nonEmptyString(MAX_CONNECTION_ID_LENGTH);

export const isConnectionBadge = objectOf<ConnectionBadge>({
  id: isConnectionId,
  name: nonEmptyString(MAX_CONNECTION_NAME_LENGTH),
  production: isBoolean,
  active: isBoolean,
});

/** The longest schedule ID the page takes: `schtask_` and a ULID are 34 characters. */
export const MAX_SCHEDULE_ID_LENGTH = 200;

const isExportView = objectOf<ExportView>({
  interval: optional(objectOf({ words: isString, utc: isString })),
  fileSize: optional(isString),
  scheduleId: optional(nonEmptyString(MAX_SCHEDULE_ID_LENGTH)),
});

const isErrorCause = objectOf<ErrorCause>({ text: isString, full: optional(isString) });

export const isTaskView = objectOf<TaskView>({
  ...TIME_VIEW_SHAPE,
  id: isString,
  title: isString,
  status: objectOf({ label: isString, tone: literal('pending', 'processing', 'completed', 'failed', 'unknown'), icon: isString }),
  facts: arrayOf(isRow),
  records: objectOf<RecordsView>({
    total: isString,
    processed: isString,
    successful: isString,
    failed: isString,
    hasFailures: isBoolean,
    progress: anyOf(
      objectOf<Progress<'determinate'>>({ mode: literal('determinate'), percent: isNumber, label: isString }),
      objectOf<Progress<'indeterminate'>>({ mode: literal('indeterminate'), label: isString }),
      objectOf<Progress<'none'>>({ mode: literal('none'), label: isString }),
    ),
  }),
  metadata: arrayOf(objectOf({ key: isString, value: isString, json: isBoolean })),
  details: arrayOf(isRow),
  errors: objectOf<ErrorsView>({ entries: isErrorEntries, note: optional(isString), cause: optional(isErrorCause) }),
  actions: objectOf({
    openFile: objectOf(isActionState),
    openInEditor: objectOf({ ...isActionState, offered: isBoolean }),
  }),
  exportInfo: optional(isExportView),
  connection: optional(isConnectionBadge),
});
