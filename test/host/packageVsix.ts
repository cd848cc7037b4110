import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from './projectRoot';
import { runCommand } from './runCommand';

/** Where the package layer writes the .vsix it checks (out/ is git-ignored and never packaged). */
export const PACKAGED_VSIX = path.join(PROJECT_ROOT, 'out', 'package', 'flexprice-tasks.vsix');

/**
 * `vsce package --no-dependencies` from the local devDependency, as `npm run package` runs it:
 * its `vscode:prepublish` makes the production build first. Offline: nothing is fetched.
 */
export function packageVsix(): void {
  rmSync(PACKAGED_VSIX, { force: true });
  mkdirSync(path.dirname(PACKAGED_VSIX), { recursive: true });
  const vsce = path.join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  runCommand('package', process.execPath, [vsce, 'package', '--no-dependencies', '--out', PACKAGED_VSIX]);
}
