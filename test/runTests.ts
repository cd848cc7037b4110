import * as path from 'node:path';
import { runLayerProcess, type LayerRun } from './host/runLayerProcess';

/*
 * `npm test`: every test layer in order, each in its own process with its usual mocha output,
 * then a table and, as the very last line, "N passed, M failed". `npm test -- --only unit,ui`
 * runs some layers. Expects `npm run build:prod` (the bundle that ships) and `npm run compile-tests`
 * to have run; the package layer makes its own production build, as `npm run package` does.
 */

interface Layer {
  name: string;
  script: string;
  label: string;
  timeLimitMs: number;
}

const HOST = path.join(__dirname, 'host');
const MINUTE = 60_000;
const LAYERS: Layer[] = [
  { name: 'unit', script: path.join(HOST, 'runUnit.js'), label: 'UNIT', timeLimitMs: 10 * MINUTE },
  // Builds the .vsix (a production build, then vsce) and checks what is inside.
  { name: 'package', script: path.join(HOST, 'runPackage.js'), label: 'PACKAGE', timeLimitMs: 5 * MINUTE },
  // Includes installing code-server on first use (a few minutes), then running the suite.
  { name: 'integration', script: path.join(HOST, 'runIntegration.js'), label: 'INTEGRATION', timeLimitMs: 20 * MINUTE },
  { name: 'ui', script: path.join(HOST, 'runUi.js'), label: 'UI', timeLimitMs: 30 * MINUTE },
];

function chosenLayers(argv: string[]): Layer[] {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at < 0) return LAYERS;
  const list = argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : (argv[at + 1] ?? '');
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !LAYERS.some((layer) => layer.name === name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of ${LAYERS.map((l) => l.name).join(', ')}; got "${list}"`);
  }
  return LAYERS.filter((layer) => names.includes(layer.name));
}

function table(runs: [string, LayerRun][]): string {
  const rows = [['layer', 'passed', 'failed', 'time', 'status'],
    ...runs.map(([name, run]) => [name, String(run.passed), String(run.failed), `${run.seconds} s`, run.status])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<number> {
  const runs: [string, LayerRun][] = [];
  for (const layer of chosenLayers(process.argv.slice(2))) {
    console.log(`\n=== ${layer.name} tests ===`);
    runs.push([layer.name, await runLayerProcess(layer.script, layer.label, layer.timeLimitMs)]);
  }
  const passed = runs.reduce((sum, [, run]) => sum + run.passed, 0);
  const failed = runs.reduce((sum, [, run]) => sum + run.failed, 0);
  console.log(`\n${table(runs)}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed + failed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // On stdout, like the summary, so it cannot land after the summary line.
    console.log(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
