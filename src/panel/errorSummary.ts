/**
 * Reads a task's `error_summary`: entries joined by "; " such as
 * `Record 3: invalid value; Chunk 2: timeout; CSV read error: EOF`.
 * Messages may themselves hold ";", so a new entry starts only where the text after a
 * separator looks like an entry head. Nothing is ever dropped: text that matches no known
 * shape stays whole as an `other` entry.
 */

export type ErrorEntryKind = 'Record' | 'Chunk' | 'other';

export interface ErrorEntry {
  readonly kind: ErrorEntryKind;
  /** The record or chunk number as sent (records count from 0 within their 1,000-row chunk). */
  readonly number: number | undefined;
  /** The message after the head; the whole entry text for `other` entries. */
  readonly message: string;
  /** The entry exactly as it appeared, trimmed. */
  readonly text: string;
}

const NUMBERED_HEAD = /^(record|chunk)\s*#?\s*(\d+)\s*:\s*/i;
// Unnumbered heads seen from the server ("CSV read error: …") and ones like it.
const NAMED_ERROR_HEAD = /^[a-z][a-z ]{0,40}\berror\s*:/i;
const SEPARATOR = /;\s*/g;

export function parseErrorSummary(summary: string | null | undefined): ErrorEntry[] {
  if (typeof summary !== 'string') return [];
  summary = summary.replace(/[;\s]+$/, '');
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
  return NUMBERED_HEAD.test(text) || NAMED_ERROR_HEAD.test(text);
}

function toEntry(text: string): ErrorEntry {
  const head = NUMBERED_HEAD.exec(text);
  if (!head) return { kind: 'other', number: undefined, message: text, text };
  const kind: ErrorEntryKind = head[1]!.toLowerCase() === 'record' ? 'Record' : 'Chunk';
  return { kind, number: Number(head[2]), message: text.slice(head[0].length).trim(), text };
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
