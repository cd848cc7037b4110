import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../test/host/projectRoot';

/*
 * How the bench and the extension-host probe talk: environment variables name a folder and
 * the mode; the probe writes files there. Files, not sockets, so the probe opens no
 * connection that could be confused with the extension's own traffic.
 */

/**
 * hidden: the view is never shown; the probe waits for the start-up activation (onStartupFinished)
 * and watches what it loaded. view: the page opens the view in a fresh profile. kept: the page
 * opens the view in a profile where an earlier session read the tasks, so a kept page exists.
 */
export type ProbeMode = 'hidden' | 'view' | 'kept';

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
/** publisher.name, as VS Code names the extension in its marks and tables. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export const PROBE_ENV = { dir: 'FLEXPRICE_BENCH_PROBE_DIR', mode: 'FLEXPRICE_BENCH_PROBE_MODE' } as const;

/** hidden mode: how long after activation the probe (and the bench, on the server) keep watching for late loads and requests. */
export const HIDDEN_WATCH_MS = 3_000;

export interface LoadedFile {
  file: string;
  bytes: number;
}

export interface ProbeResult {
  mode: ProbeMode;
  /**
   * Whether the extension was already active when the probe's run() began. Informational: it
   * activates on onStartupFinished, which may come before or after the probe starts.
   */
  wasActiveAtStart: boolean;
  /** code/extHost/<mark>/<our id> → ms epoch, e.g. willLoadExtensionCode, didActivateExtension. */
  marks: Record<string, number>;
  /**
   * Files of our extension in require.cache (the probe's own, under out/, left out). hidden: as
   * soon as the extension was seen active; view and kept: once the page saw the first task row.
   */
  loadedFiles: LoadedFile[];
  /** hidden: the same list HIDDEN_WATCH_MS later, the view still never shown. */
  loadedFilesLater?: LoadedFile[];
  /**
   * hidden: the time a require() of dist/core.js takes in this host, taken by the probe after
   * everything else was recorded (core is otherwise not loaded in a hidden launch): the part of
   * opening the view that loading the heavy half costs.
   */
  coreRequireMs?: number;
  /** The "Developer: Startup Performance" text, when VS Code produced it. */
  startupPerformance?: string;
}

export function probeFiles(dir: string): { ready: string; rowsSeen: string; result: string } {
  return { ready: path.join(dir, 'ready'), rowsSeen: path.join(dir, 'rows-seen'), result: path.join(dir, 'result.json') };
}
