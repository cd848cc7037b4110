import Mocha from 'mocha';
import * as path from 'node:path';
import { exitOnSignals } from './exitOnSignals';
import { findFiles } from './findFiles';
import { resultLine, runMocha, startLine } from './mochaResult';
import { PROJECT_ROOT } from './projectRoot';

export interface MochaLayer {
  /** Printed in the START/RESULT lines the orchestrator reads, e.g. "UNIT". */
  label: string;
  /** Folder under out/test holding the compiled tests. */
  folder: string;
  suffix: string;
  /** Per-test limit; it only ends hung tests, it does not measure speed. */
  timeoutMs: number;
  /** Set-up before the first test (installs), so it is not cut short by a hook's time limit. */
  prepare?: () => Promise<void>;
}

/**
 * Runs one layer of plain-Node mocha tests with the usual spec output, then prints the
 * layer's RESULT line and exits (like `mocha --exit`: a leaked handle must not hang CI).
 */
export async function runMochaLayer(layer: MochaLayer): Promise<never> {
  exitOnSignals();
  await layer.prepare?.();
  // Colours for a person at a terminal (the orchestrator passes FORCE_COLOR), plain text in CI logs.
  const color = Boolean(process.stdout.isTTY || process.env.FORCE_COLOR);
  const mocha = new Mocha({ ui: 'bdd', timeout: layer.timeoutMs, reporter: 'spec', color });
  const files = findFiles(path.join(PROJECT_ROOT, 'out', 'test', layer.folder), layer.suffix);
  for (const file of files) mocha.addFile(file);
  console.log(startLine(layer.label, files.length));
  const result = await runMocha(mocha);
  console.log(resultLine(layer.label, result));
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}
