import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { PROJECT_ROOT } from './projectRoot';

/*
 * The same integration suite in desktop VS Code, downloaded by @vscode/test-electron. Needs
 * internet (and `xvfb-run` on Linux without a display); the offline launcher is runIntegration.
 */
async function main(): Promise<void> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'flexprice-electron-workspace-'));
  await runTests({
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: path.join(PROJECT_ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
