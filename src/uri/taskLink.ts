import { normalizeTaskId } from '../api/taskId';

/*
 * Deep links to a task: `<scheme>://<publisher>.<name>/task/<id>[?connection=<name>]`, opened
 * by VS Code's URI handler, copied by "Copy Link". Read here without `vscode`, strictly: the
 * link may come from any web page, so it can only name a task and one of the user's own
 * connections, never a URL or a key.
 */

export type TaskLink = { ok: true; taskId: string; connection?: string } | { ok: false; reason: string };

const MAX_CONNECTION_NAME = 100;

/** Reads a handled URI's path and query (as VS Code hands them over, already decoded). */
export function parseTaskLink(path: string, query: string): TaskLink {
  const match = /^\/task\/(.+)$/.exec(path);
  if (!match) return { ok: false, reason: `This link does not name a Flexprice task (expected …/task/<task ID>, got "${path.slice(0, 80)}").` };
  const id = normalizeTaskId(match[1]);
  if (!id.ok) return { ok: false, reason: `This link's task ID is not valid: ${id.reason}` };
  const connection = new URLSearchParams(query).get('connection')?.trim();
  if (connection !== undefined && (connection === '' || connection.length > MAX_CONNECTION_NAME)) {
    return { ok: false, reason: 'This link names a connection that cannot exist (empty or too long).' };
  }
  return connection ? { ok: true, taskId: id.id, connection } : { ok: true, taskId: id.id };
}

/**
 * The link "Copy Link" copies: `vscode://flexprice-tasks.flexprice-tasks/task/<id>?connection=<name>`.
 * VS Code decodes a URI's query once before the handler sees it, so the name is encoded twice:
 * `&`, `=`, `+` or `%` in it still read back as themselves.
 */
export function buildTaskLink(uriScheme: string, extensionId: string, taskId: string, connectionName?: string): string {
  const query = connectionName ? `?connection=${encodeURIComponent(encodeURIComponent(connectionName))}` : '';
  return `${uriScheme}://${extensionId.toLowerCase()}/task/${encodeURIComponent(taskId)}${query}`;
}
