import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../test/host/projectRoot';

/*
 * How the bench and the extension-host probe talk: environment variables name a folder and
 * the mode; the probe writes files there. Files, not sockets, so the probe opens no
 * connection that could be confused with the extension's own traffic.
 */

/** hidden: the probe activates the extension with the view never shown; view: the page opens the view. */
export type ProbeMode = 'hidden' | 'view';

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
/** publisher.name, as VS Code names the extension in its marks and tables. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export const PROBE_ENV = { dir: 'FLEXPRICE_BENCH_PROBE_DIR', mode: 'FLEXPRICE_BENCH_PROBE_MODE' } as const;

export interface ProbeResult {
  mode: ProbeMode;
  /** Must be false: the launch is only valid if our probe saw the extension before it activated. */
  wasActiveAtStart: boolean;
  /** code/extHost/<mark>/<our id> → ms epoch, e.g. willLoadExtensionCode, didActivateExtension. */
  marks: Record<string, number>;
  /** Files of our extension that entered require.cache (hidden: right after activate()). */
  loadedFiles: { file: string; bytes: number }[];
  /** The "Developer: Startup Performance" text, when VS Code produced it. */
  startupPerformance?: string;
}

export function probeFiles(dir: string): { ready: string; rowsSeen: string; result: string } {
  return { ready: path.join(dir, 'ready'), rowsSeen: path.join(dir, 'rows-seen'), result: path.join(dir, 'result.json') };
}
