/*
 * A failed export's `error_summary` is the job's error wrapped by the workflow engine
 * (CONTRACT.md):
 *   activity error (type: ExportData, scheduledEventID: 11, …): failed to upload to s3: AccessDenied: Access Denied (type: wrapError, retryable: true)
 * What a person needs is the middle: the text after the last wrapper's `): ` and before the
 * trailing `(type: …)` group. Every wrapper the engine writes opens its group with `(type: `, so
 * only a `): ` closing such a group counts: a cause that itself holds "(bucket x): " stays whole.
 * Summaries can be megabytes: this is one pass over the text and a few searches, no regex.
 */

export interface ExportFailureCause {
  /** The job's own error. */
  readonly cause: string;
  /** Whether the cause was taken out of wrapping, i.e. is not the whole text. */
  readonly wrapped: boolean;
}

const GROUP_OPEN = '(type: ';
const OPEN = 40; // (
const CLOSE = 41; // )

/** The cause of a failed export; undefined for a missing or blank summary. */
export function exportFailureCause(summary: string | undefined): ExportFailureCause | undefined {
  if (typeof summary !== 'string') return undefined;
  const text = summary.trim();
  if (text === '') return undefined;
  const cause = withoutTrailingGroups(text.slice(afterLastWrapper(text))).trim();
  if (cause === '' || cause === text) return { cause: text, wrapped: false };
  return { cause, wrapped: true };
}

/** Where the text after the last `(type: …): ` starts; 0 when nothing wraps it. */
function afterLastWrapper(text: string): number {
  let lastOpen = -1;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN) lastOpen = i;
    else if (code === CLOSE && text.charCodeAt(i + 1) === 58 /* : */ && text.charCodeAt(i + 2) === 32 && lastOpen >= 0 && text.startsWith(GROUP_OPEN, lastOpen)) {
      start = i + 3;
    }
  }
  return start;
}

/** Drops ` (type: wrapError, retryable: true)` groups at the end; each search is bounded by what it removes. */
function withoutTrailingGroups(text: string): string {
  let rest = text.trimEnd();
  while (rest.endsWith(')')) {
    const open = rest.lastIndexOf(GROUP_OPEN);
    // The group must be the last thing, with nothing nested in it.
    if (open < 0 || rest.indexOf(')', open) !== rest.length - 1 || rest.indexOf('(', open + 1) !== -1) break;
    rest = rest.slice(0, open).trimEnd();
  }
  return rest;
}
