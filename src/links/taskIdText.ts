import { isScheduledRunId } from '../api/scheduledRunId';

/*
 * Task IDs in any text (a log, a CSV, JSON, a terminal line): `task_` + a 26-character ULID, and
 * scheduled-run IDs, `<uuid>-<RFC 3339 time>`. One pass of a regex without nested quantifiers,
 * so the work is linear in the text; every candidate is then checked at its edges (an ID inside
 * a longer word is not one) and, for a run ID, for a real calendar time.
 */

/** One ID found: `start` and `end` (exclusive) as offsets in the text plus the offset given. */
export interface TaskIdMatch {
  readonly start: number;
  readonly end: number;
  readonly id: string;
}

/** The longest ID this finds (a run ID with nanoseconds and an offset), for callers that cut text into windows. */
export const LONGEST_TASK_ID = 36 + 1 + 35;

const HEX = '[0-9a-fA-F]';
/**
 * A ULID as servers write it: upper-case Crockford base32 (no I, L, O, U), the first character
 * 0-7 since 48 bits of time end there. A run ID as the workflow engine writes it.
 */
const CANDIDATE = new RegExp(
  [
    'task_[0-7][0-9A-HJKMNP-TV-Z]{25}',
    `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}-\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:[Zz]|[+-]\\d{2}:\\d{2})`,
  ].join('|'),
  'g',
);

/** Letters, digits and `_` continue a word: an ID touching one is part of something longer. */
const WORD = /[\p{L}\p{N}_]/u;

function continuesWord(text: string, at: number): boolean {
  return at >= 0 && at < text.length && WORD.test(text[at]!);
}

/** The task IDs in `text`, in order, with positions shifted by `offset` (where the text starts in its document). */
export function findTaskIds(text: string, offset = 0): TaskIdMatch[] {
  const found: TaskIdMatch[] = [];
  const pattern = new RegExp(CANDIDATE);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const id = match[0];
    const end = start + id.length;
    const runId = !id.startsWith('task_');
    // A hex digit or `-` before a UUID makes it part of a longer dashed token.
    const joined = continuesWord(text, start - 1) || continuesWord(text, end) || (runId && text[start - 1] === '-');
    if (joined || (runId && !isScheduledRunId(id))) {
      // Not an ID here; one may still start inside this candidate (each try is bounded, so still linear).
      pattern.lastIndex = start + 1;
      continue;
    }
    found.push({ start: start + offset, end: end + offset, id });
  }
  return found;
}

/** The ID covering `index` in `text` (as a hover asks), if any. */
export function taskIdAt(text: string, index: number, offset = 0): TaskIdMatch | undefined {
  return findTaskIds(text, offset).find((match) => match.start <= index + offset && index + offset < match.end);
}
