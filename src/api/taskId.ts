export type TaskIdResult = { ok: true; id: string } | { ok: false; reason: string };

export const MAX_TASK_ID_LENGTH = 200;

/** C0 controls, DEL and C1 controls: never part of an ID, and never safe in a header or log. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** `.` and `..` would be read as "this" / "parent" path segments whatever their encoding. */
const DOT_SEGMENT = /^\.{1,2}$/;
const SURROUNDING_QUOTES = /^(["'`])([\s\S]*)\1$/;

/**
 * Cleans an ID typed or pasted by a user: trims it and drops one pair of surrounding quotes or
 * backticks (as copied from JSON or Markdown), then refuses what cannot be a task ID.
 */
export function normalizeTaskId(raw: string): TaskIdResult {
  let id = String(raw ?? '').trim();
  const quoted = SURROUNDING_QUOTES.exec(id);
  if (quoted) id = quoted[2].trim();
  if (!id) return { ok: false, reason: 'The task ID is empty.' };
  if (id.length > MAX_TASK_ID_LENGTH) {
    return { ok: false, reason: `The task ID is longer than ${MAX_TASK_ID_LENGTH} characters.` };
  }
  if (CONTROL_CHARACTER.test(id)) return { ok: false, reason: 'The task ID contains a control character.' };
  if (DOT_SEGMENT.test(id)) return { ok: false, reason: `"${id}" is not a task ID.` };
  return { ok: true, id };
}

/**
 * The URL path of one task, relative to the API base. `encodeURIComponent` percent-encodes every
 * character that could change the path or the query (`/`, `?`, `#`, `%`). Dot-only IDs are refused
 * because URL parsers treat `..`, `%2E%2E` and the like alike, as a step up the path.
 */
export function taskPath(id: string, ...subresources: string[]): string {
  if (DOT_SEGMENT.test(id)) throw new RangeError(`"${id}" is not a task ID.`);
  return ['tasks', encodeURIComponent(id), ...subresources].join('/');
}
