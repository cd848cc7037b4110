import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../test/host/projectRoot';
import { meetsBudget, round, type Figure, type Section } from './report';

/*
 * `npm run bench`: runs every benchmark one after another (never in parallel: the machine is
 * small and shared), prints one table and writes the same figures to bench/results.json.
 * `--only startup,polling` runs some of them. Benchmarks report; they do not fail on a missed
 * budget (the table marks it). The exit code is non-zero only when a benchmark could not run.
 */

type BenchModule = { run(): Promise<Section> };

// Loaded on demand, so `--only` skips the others' imports (Playwright, code-server, ...).
const BENCHES: { id: string; load(): Promise<BenchModule['run']> }[] = [
  { id: 'size', load: async () => (await import('./size.js')).run },
  { id: 'startup', load: async () => (await import('./startup.js')).run },
  { id: 'switch', load: async () => (await import('./switch.js')).run },
  { id: 'polling', load: async () => (await import('./polling.js')).run },
  { id: 'idle', load: async () => (await import('./idle.js')).run },
  { id: 'liveness', load: async () => (await import('./liveness.js')).run },
  { id: 'scale', load: async () => (await import('./scale.js')).run },
  { id: 'panel', load: async () => (await import('./panel.js')).run },
  { id: 'schedules', load: async () => (await import('./schedules.js')).run },
  { id: 'links', load: async () => (await import('./links.js')).run },
];

function selected(): Set<string> | undefined {
  const index = process.argv.indexOf('--only');
  if (index < 0) return undefined;
  return new Set((process.argv[index + 1] ?? '').split(',').filter(Boolean));
}

function formatValue(figure: Figure): string {
  if (figure.value === null) return 'n/a';
  return `${round(figure.value, figure.value < 10 ? 2 : 1)} ${figure.unit}`;
}

function formatBudget(figure: Figure): string {
  const { budget } = figure;
  if (!budget) return '';
  const parts = [];
  if (budget.max !== undefined) parts.push(`≤ ${budget.max} ${figure.unit}`);
  if (budget.min !== undefined) parts.push(`≥ ${budget.min} ${figure.unit}`);
  return parts.join(', ');
}

function printTable(sections: Section[]): void {
  const rows: string[][] = [['figure', 'value', 'budget', '']];
  for (const section of sections) {
    rows.push([`${section.title}`, '', '', '']);
    for (const figure of section.figures) {
      const ok = meetsBudget(figure);
      rows.push([`  ${figure.name}`, formatValue(figure), formatBudget(figure), ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

function printMethods(sections: Section[]): void {
  console.log('\nHow each figure was measured:');
  for (const section of sections) {
    for (const figure of section.figures) console.log(`- ${section.id} / ${figure.name}: ${figure.how}`);
  }
}

async function main(): Promise<number> {
  const only = selected();
  const sections: Section[] = [];
  const failures: string[] = [];
  for (const bench of BENCHES) {
    if (only && !only.has(bench.id)) continue;
    console.log(`[bench] ${bench.id} …`);
    const started = Date.now();
    try {
      const run = await bench.load();
      sections.push(await run());
      console.log(`[bench] ${bench.id} done in ${round((Date.now() - started) / 1000, 1)} s`);
    } catch (error) {
      failures.push(bench.id);
      console.error(`[bench] ${bench.id} could not run:`, error);
    }
  }
  console.log('');
  printTable(sections);
  printMethods(sections);
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
    sections: sections.map((section) => ({ ...section, figures: section.figures.map((figure) => ({ ...figure, meetsBudget: meetsBudget(figure) })) })),
  };
  const file = path.join(PROJECT_ROOT, 'bench', 'results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(PROJECT_ROOT, file)}`);
  if (failures.length > 0) console.error(`could not run: ${failures.join(', ')}`);
  return failures.length > 0 || sections.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
