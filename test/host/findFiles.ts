import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Every file under `dir` (recursively) whose name ends with `suffix`, sorted for a stable order. */
export function findFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith(suffix))
    .map((relative) => path.join(dir, relative))
    .sort();
}
