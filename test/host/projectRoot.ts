import * as path from 'node:path';

/** The repository root: compiled files live in out/test/host, three levels below it. */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

/** A path as a log line shows it: relative inside the project ("." for its root), else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative || '.';
}
