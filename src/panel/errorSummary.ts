import type { ErrorEntry, ErrorEntryKind } from '../webview/protocol/taskView';

/**
 * Reads a task's `error_summary`: entries joined by "; " such as
 * `Record 3: invalid value; Chunk 2: timeout; CSV read error: EOF`.
 * Messages may themselves hold ";", so a new entry starts only where the text after a
 * separator looks like an entry head ("Record 3:", "CSV read error:", any "Words:").
 * Nothing is ever dropped: an entry that is not `Record N:`, `Chunk N:` or `Final chunk N:`
 * stays whole as an `other` entry.
 */

const NUMBERED_HEAD = /^(record|chunk|final\s+chunk)\s*#?\s*(\d+)\s*:\s*/i;
// Any other head: a few words then ":", as in "CSV read error:", "JSON decode
// error:", "Batch event creation failed:" or one a newer server adds. It must be followed by
// a space (or end) so a URL or a time like "12:30" after a ";" stays inside the message.
const OTHER_HEAD = /^[a-z][\w -]{0,40}:(?:\s|$)/i;
const SEPARATOR = /;\s*/g;

export function parseErrorSummary(summary: string | null | undefined): ErrorEntry[] {
  if (typeof summary !== 'string') return [];
  // Drop trailing separators with a scan: the regex /[;\s]+$/ retries from every position of
  // a long run of them that is not at the end, which is quadratic.
  let end = summary.length;
  while (end > 0 && /[;\s]/.test(summary[end - 1]!)) end--;
  summary = summary.slice(0, end);
  const pieces: string[] = [];
  let start = 0;
  for (const match of summary.matchAll(SEPARATOR)) {
    const next = match.index + match[0].length;
    if (startsEntry(summary.slice(next, next + 64))) {
      pieces.push(summary.slice(start, match.index));
      start = next;
    }
  }
  pieces.push(summary.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '').map(toEntry);
}

function startsEntry(text: string): boolean {
  return NUMBERED_HEAD.test(text) || OTHER_HEAD.test(text);
}

function toEntry(text: string): ErrorEntry {
  const head = NUMBERED_HEAD.exec(text);
  if (!head) return { kind: 'other', number: undefined, message: text, text };
  const word = head[1]!.toLowerCase();
  const kind: ErrorEntryKind = word === 'record' ? 'Record' : word === 'chunk' ? 'Chunk' : 'finalChunk';
  // Hundreds of digits make Infinity, which no message to the page can carry: then no number.
  const number = Number(head[2]);
  return { kind, number: Number.isFinite(number) ? number : undefined, message: text.slice(head[0].length).trim(), text };
}

/** The entries as plain text, one a line, for the clipboard. */
export function formatErrorEntries(entries: readonly ErrorEntry[]): string {
  return entries.map((entry) => entry.text).join('\n');
}

/** Entries whose text holds the query, ignoring case; all of them for an empty query. */
export function filterErrorEntries(entries: readonly ErrorEntry[], query: string): readonly ErrorEntry[] {
  const needle = query.trim().toLowerCase();
  return needle ? entries.filter((entry) => entry.text.toLowerCase().includes(needle)) : entries;
}

/** What an error file says about the server's summary beyond its entries: each absent when it does not apply. */
export interface SummaryNotes {
  /** The summary looks cut: it stops inside an entry, or names fewer failed records than the task counts. */
  readonly truncated?: string;
  /** Some of the text did not read as entries: it is kept whole, each piece one `other` entry. */
  readonly unparsed?: string;
}

/**
 * Whether the server's summary was cut or could not be read as entries, in a sentence each.
 * `failedRecords` is the task's own count: a summary of `Record` entries only that names fewer
 * says it is incomplete (a chunk or file error may stand for many rows, so then nothing is said).
 */
export function summaryNotes(entries: readonly ErrorEntry[], failedRecords: number | undefined): SummaryNotes {
  const notes: { truncated?: string; unparsed?: string } = {};
  const last = entries.at(-1);
  let records = 0;
  let unread = 0;
  for (const entry of entries) {
    if (entry.kind === 'Record') records++;
    else if (entry.kind === 'other' && !OTHER_HEAD.test(entry.text)) unread++;
  }
  const onlyRecords = records === entries.length;
  if (last && last.kind !== 'other' && last.message === '') {
    notes.truncated = `The server's summary stops right after "${last.text}": it was cut there.`;
  } else if (entries.length > 0 && onlyRecords && failedRecords !== undefined && failedRecords > records) {
    notes.truncated = `The task counts ${failedRecords.toLocaleString('en-US')} failed records but the server's summary names ${records.toLocaleString('en-US')}: it was cut or leaves some out.`;
  }
  if (unread > 0) {
    notes.unparsed = unread === entries.length && entries.length === 1
      ? 'The server\'s summary is not a list of "Record N:" or "Chunk N:" entries: it is kept whole as one message.'
      : `${unread.toLocaleString('en-US')} of ${entries.length.toLocaleString('en-US')} entries do not start with "Record N:", "Chunk N:" or a named error such as "CSV read error:": each is kept whole as its message.`;
  }
  return notes;
}
