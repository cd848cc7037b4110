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
  return normalizeId(raw, 'task ID');
}

/**
 * normalizeTaskId for any ID that goes into a path segment or a query value, with `noun`
 * (e.g. `scheduled export ID`) naming it in the reasons.
 */
export function normalizeId(raw: string, noun: string): TaskIdResult {
  let id = String(raw ?? '').trim();
  const quoted = SURROUNDING_QUOTES.exec(id);
  if (quoted) id = quoted[2].trim();
  const subject = `The ${noun}`;
  if (!id) return { ok: false, reason: `${subject} is empty.` };
  if (id.length > MAX_TASK_ID_LENGTH) {
    return { ok: false, reason: `${subject} is longer than ${MAX_TASK_ID_LENGTH} characters.` };
  }
  if (CONTROL_CHARACTER.test(id)) return { ok: false, reason: `${subject} contains a control character.` };
  if (DOT_SEGMENT.test(id)) return { ok: false, reason: `"${id}" is not a ${noun}.` };
  return { ok: true, id };
}

/**
 * The URL path of one task, relative to the API base. `encodeURIComponent` percent-encodes every
 * character that could change the path or the query (`/`, `?`, `#`, `%`). Dot-only IDs are refused
 * because URL parsers treat `..`, `%2E%2E` and the like alike, as a step up the path.
 */
export function taskPath(id: string, ...subresources: string[]): string {
  return idPath(['tasks'], id, subresources);
}

/** `tasks/scheduled/{id}[/...]`: the same encoding and refusals as taskPath. */
export function scheduledExportPath(id: string, ...subresources: string[]): string {
  return idPath(['tasks', 'scheduled'], id, subresources);
}

function idPath(parents: string[], id: string, subresources: string[]): string {
  if (DOT_SEGMENT.test(id)) throw new RangeError(`"${id}" is not an ID.`);
  return [...parents, encodeURIComponent(id), ...subresources].join('/');
}
