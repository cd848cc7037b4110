import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { EXTENSION_ID, HIDDEN_WATCH_MS, PROBE_ENV, probeFiles, type LoadedFile, type ProbeMode, type ProbeResult } from './probeProtocol';

/*
 * Runs inside the real extension host (code-server loads it as `extensionTestsPath`) and
 * reports, through files in a folder the bench names, what only the host can see: VS Code's
 * own activation marks and stats, and which of our files activation put in require.cache.
 */

const POLL_MS = 50;
const ACTIVATION_LIMIT_MS = 90_000;

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

/**
 * Our extension's files that entered require.cache since `before` (what the host had loaded
 * when the probe started). The host's own install (.vscode-test/) and the probe (out/) sit
 * under the same folder and are left out.
 */
function ourCachedFiles(extensionPath: string, before: ReadonlySet<string>): LoadedFile[] {
  const dist = path.join(extensionPath, 'dist') + path.sep;
  const notOurs = ['.vscode-test', 'out'].map((folder) => path.join(extensionPath, folder) + path.sep);
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(extensionPath + path.sep) && !notOurs.some((folder) => file.startsWith(folder)))
    // dist/ is the extension's alone; the host may have required its main file before the probe started.
    .filter((file) => !before.has(file) || file.startsWith(dist))
    .map((file) => ({ file: path.relative(extensionPath, file), bytes: statSync(file).size }));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + ACTIVATION_LIMIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
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
    // The view is never shown: the extension activates at start-up (onStartupFinished) and nothing may ask for rows.
    await until(() => extension.isActive, 'the start-up activation');
    result.loadedFiles = ourCachedFiles(extension.extensionPath, before);
    await sleep(HIDDEN_WATCH_MS);
    result.loadedFilesLater = ourCachedFiles(extension.extensionPath, before);
  } else {
    // The page opens the view; we wait until it saw rows.
    await until(() => existsSync(files.rowsSeen), 'the page to see rows');
    result.loadedFiles = ourCachedFiles(extension.extensionPath, before);
  }
  result.marks = extensionMarks();
  result.startupPerformance = await startupPerformanceText();
  const core = path.join(extension.extensionPath, 'dist', 'core.js');
  if (mode === 'hidden' && !require.cache[core]) {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(core);
    result.coreRequireMs = performance.now() - started;
  }
  if (mode !== 'hidden') {
    // After the measurement: leave the profile as a person would find it next time, the
    // Explorer in front and no editor open, so a kept launch starts with the view hidden.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  }
  // Written whole, then renamed: the bench reads it as soon as the name appears.
  writeFileSync(`${files.result}.partial`, JSON.stringify(result));
  renameSync(`${files.result}.partial`, files.result);
}
