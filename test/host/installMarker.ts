import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/*
 * The file that says a code-server install finished. It is written last, in one rename, so an
 * install that failed or was killed at any point leaves no marker, and a later run starts over.
 */

const MARKER = '.installed';

interface Marker {
  version: string;
  reported: string;
}

/** True only when `dir` holds a finished install of exactly `version`. */
export function hasInstallMarker(dir: string, version: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')) as Partial<Marker>;
    return marker.version === version;
  } catch {
    return false; // Missing, or not ours (an older format, a torn write): not trusted.
  }
}

export function writeInstallMarker(dir: string, marker: Marker): void {
  const file = path.join(dir, MARKER);
  // A rename is atomic: the marker is either absent or whole, even if the process dies here.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(marker)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Removes the marker first, so a clean-up that is cut short never leaves a trusted remnant. */
export function removeInstall(dir: string): void {
  rmSync(path.join(dir, MARKER), { force: true });
  rmSync(dir, { recursive: true, force: true });
}
