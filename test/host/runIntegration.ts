import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { launchChromium } from './browser';
import { startCodeServer } from './codeServer';
import { exitOnSignals } from './exitOnSignals';
import { PROJECT_ROOT } from './projectRoot';
import { forwardSuiteConsole } from './suiteConsole';
import { remoteUri, workbenchUrl } from './workbenchUrl';

/*
 * Runs out/test/integration/index.js inside the extension host of a real VS Code (code-server),
 * opened by headless Chromium. Loads the built extension (dist/), so `npm run build` comes first.
 * Exits with the suite's code; a suite that never reports back fails after a time limit.
 */

const SUITE = path.join(PROJECT_ROOT, 'out', 'test', 'integration', 'index.js');
const TIME_LIMIT_MS = Number(process.env.INTEGRATION_TIME_LIMIT_MS ?? 10 * 60_000);

function timeLimit(): { expired: Promise<'timeout'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIME_LIMIT_MS)));
  return { expired, cancel: () => clearTimeout(timer) };
}

async function main(): Promise<number> {
  exitOnSignals();
  const workspace = mkdtempSync(path.join(tmpdir(), 'flexprice-integration-workspace-'));
  // Also on Ctrl-C or a time limit, when the finally below does not run.
  process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));
  const server = await startCodeServer({ folder: workspace });
  const browser = await launchChromium();
  const limit = timeLimit();
  try {
    const page = await browser.newPage();
    const suiteConsole = forwardSuiteConsole(page, 'INTEGRATION-START');
    // The workbench calls this when the suite's run() settles: 0 = it resolved.
    const exitCode = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', resolve));
    const url = workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', remoteUri(server, PROJECT_ROOT)],
      ['extensionTestsPath', remoteUri(server, SUITE)],
    ]);
    await page.goto(url);
    const outcome = await Promise.race([exitCode, limit.expired]);
    await suiteConsole.flushed();
    if (outcome === 'timeout') {
      console.log(suiteConsole.unprinted().join('\n'));
      console.log(`The integration suite did not finish within ${TIME_LIMIT_MS / 1000} s.`);
      return 1;
    }
    return outcome;
  } finally {
    limit.cancel();
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
