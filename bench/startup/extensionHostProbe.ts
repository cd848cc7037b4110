import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { EXTENSION_ID, PROBE_ENV, probeFiles, type ProbeMode, type ProbeResult } from './probeProtocol';

/*
 * Runs inside the real extension host (code-server loads it as `extensionTestsPath`) and
 * reports, through files in a folder the bench names, what only the host can see: VS Code's
 * own activation marks and stats, and which of our files activation put in require.cache.
 */

const POLL_MS = 50;

/** VS Code's performance marks in this host: `Date.now()` epochs, so comparable with the page and the server. */
function extensionMarks(): Record<string, number> {
  type Marks = { getMarks(): { name: string; startTime: number }[] };
  const marks = (globalThis as { MonacoPerformanceMarks?: Marks }).MonacoPerformanceMarks?.getMarks() ?? [];
  const ours: Record<string, number> = {};
  for (const { name, startTime } of marks) {
    const match = /^code\/extHost\/(\w+)\/(.+)$/.exec(name);
    if (match && match[2] === EXTENSION_ID) ours[match[1]!] = startTime;
  }
  return ours;
}

/** The "Developer: Startup Performance" document, as VS Code renders it. */
async function startupPerformanceText(): Promise<string | undefined> {
  await vscode.commands.executeCommand('perfview.show');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'perf');
    if (document?.getText().includes('Extension Activation Stats')) return document.getText();
    await sleep(POLL_MS);
  }
  return undefined;
}

function ourCachedFiles(extensionPath: string, before: ReadonlySet<string>): { file: string; bytes: number }[] {
  return Object.keys(require.cache)
    .filter((file) => !before.has(file) && file.startsWith(extensionPath + path.sep))
    .map((file) => ({ file: path.relative(extensionPath, file), bytes: statSync(file).size }));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(POLL_MS);
}

export async function run(): Promise<void> {
  const dir = process.env[PROBE_ENV.dir];
  const mode = process.env[PROBE_ENV.mode] as ProbeMode | undefined;
  if (!dir || !mode) throw new Error(`${PROBE_ENV.dir} and ${PROBE_ENV.mode} must be set`);
  const files = probeFiles(dir);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const before = new Set(Object.keys(require.cache));
  const result: ProbeResult = { mode, wasActiveAtStart: extension.isActive, marks: {}, loadedFiles: [] };
  writeFileSync(files.ready, String(Date.now()));

  if (mode === 'hidden') {
    // Activated through the API with the view never shown: nothing may ask for rows.
    await extension.activate();
    result.loadedFiles = ourCachedFiles(extension.extensionPath, before);
  } else {
    // The page opens the view, which activates the extension; we wait until it saw rows.
    await until(() => existsSync(files.rowsSeen));
    result.loadedFiles = ourCachedFiles(extension.extensionPath, before);
  }
  result.marks = extensionMarks();
  result.startupPerformance = await startupPerformanceText();
  // Written whole, then renamed: the bench reads it as soon as the name appears.
  writeFileSync(`${files.result}.partial`, JSON.stringify(result));
  renameSync(`${files.result}.partial`, files.result);
}
