import type { ErrorEntry } from '../webview/protocol/taskView';

/*
 * A task's error entries as a file to take away: CSV (RFC 4180, safe to open in a spreadsheet)
 * or JSON. Pure text building, no `vscode`: the command (src/commands/saveErrors.ts) picks the
 * file and writes it. Built with arrays and one join, so 100,000 entries take milliseconds.
 */

/** What the file says besides its entries. */
export interface ErrorFileMeta {
  readonly taskId: string;
  readonly exportedAt: Date;
  /** The filter the entries were chosen with; empty when they are all of them. */
  readonly filter: string;
  /** How many entries the server's summary has, before the filter. */
  readonly total: number;
  /** A sentence saying the server's summary was cut (see summaryNotes in src/panel/errorSummary.ts). */
  readonly truncated?: string;
  /** A sentence saying part of the summary could not be read as entries. */
  readonly unparsed?: string;
}

export const CSV_HEADER = ['kind', 'number', 'chunk note', 'message'] as const;

/** The Kind column, as the panel's table names each kind. */
const KIND_LABELS: Record<ErrorEntry['kind'], string> = { Record: 'Record', Chunk: 'Chunk', finalChunk: 'Final chunk', other: 'Other' };

/** What the number means: records count from 0 within their 1,000-row chunk, not the file. */
export function chunkNote(entry: ErrorEntry): string {
  switch (entry.kind) {
    case 'Record':
      return entry.number !== undefined && Number.isSafeInteger(entry.number)
        ? `row ${(entry.number + 1).toLocaleString('en-US')} of its 1,000-row chunk, not of the file`
        : 'counted from 0 within its 1,000-row chunk, not the file';
    case 'Chunk':
      return 'an error of a whole 1,000-row chunk, not of one record';
    case 'finalChunk':
      return "an error of the file's last chunk, not of one record";
    default:
      return '';
  }
}

/**
 * The entries as CSV: a UTF-8 byte-order mark (so spreadsheets read accents and CJK right), a
 * header row, one row per entry, then a `Note` row for each of the filter, a cut summary and
 * unparsed text. CRLF line ends.
 */
export function errorsAsCsv(entries: readonly ErrorEntry[], meta: ErrorFileMeta): string {
  const lines: string[] = new Array<string>(entries.length + 4);
  let n = 0;
  lines[n++] = CSV_HEADER.map(csvField).join(',');
  // Kind, number and chunk note repeat (record numbers run 0–999): each is written once.
  const starts = new Map<string, string>();
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.number}`;
    let start = starts.get(key);
    if (start === undefined) {
      start = `${csvField(KIND_LABELS[entry.kind] ?? 'Other')},${entry.number === undefined ? '' : csvField(String(entry.number))},${csvField(chunkNote(entry))},`;
      starts.set(key, start);
    }
    lines[n++] = start + csvField(entry.message);
  }
  lines.length = n;
  for (const note of fileNotes(entries, meta)) lines.push(`Note,,,${csvField(note)}`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The entries as JSON: the task, when, the filter and the notes, then `errors`. */
export function errorsAsJson(entries: readonly ErrorEntry[], meta: ErrorFileMeta): string {
  const notes = new Map<string, string | null>();
  const noteOf = (entry: ErrorEntry) => {
    const key = `${entry.kind}:${entry.number}`;
    let note = notes.get(key);
    if (note === undefined) notes.set(key, (note = chunkNote(entry) || null));
    return note;
  };
  const errors = entries.map((entry) => ({
    kind: KIND_LABELS[entry.kind] ?? 'Other',
    number: entry.number ?? null,
    chunk_note: noteOf(entry),
    message: entry.message,
    text: entry.text,
  }));
  const document = {
    task_id: meta.taskId,
    exported_at: meta.exportedAt.toISOString(),
    filter: meta.filter.trim() || null,
    entries_total: meta.total,
    entries_saved: entries.length,
    truncated: meta.truncated ?? null,
    unparsed: meta.unparsed ?? null,
    errors,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function fileNotes(entries: readonly ErrorEntry[], meta: ErrorFileMeta): string[] {
  const notes: string[] = [];
  const filter = meta.filter.trim();
  if (filter) {
    notes.push(`Filtered: ${count(entries.length)} of ${count(meta.total)} entries, those containing "${filter}" (task ${meta.taskId}, saved ${meta.exportedAt.toISOString()}).`);
  }
  if (meta.truncated) notes.push(`Cut: ${meta.truncated}`);
  if (meta.unparsed) notes.push(`Unparsed: ${meta.unparsed}`);
  return notes;
}

/** A first character a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a leading `'` when a spreadsheet would run it as a formula, then quoted (quotes
 * doubled) when it holds a comma, a quote or a line break.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
