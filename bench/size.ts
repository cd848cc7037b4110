import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../test/host/projectRoot';
import type { Section } from './report';

/*
 * What the extension weighs: the bundles in dist/ (the production build `npm run bench` makes
 * first) and the .vsix that `vsce package` writes from them. Sizes in KB of 1,000 bytes, as
 * the marketplace shows them.
 */

const KB = 1000;

function filesUnder(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(PROJECT_ROOT, file), bytes: statSync(file).size };
    });
}

/** Packs the extension into a temp dir (vsce runs the production build itself) and returns the .vsix size. */
function vsixBytes(): { bytes: number; files: number } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'flexprice-vsix-'));
  try {
    const out = path.join(scratch, 'extension.vsix');
    const vsce = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vsce');
    const packed = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`vsce package failed:\n${packed.stdout}${packed.stderr}`);
    const listed = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const files = listed.status === 0 ? listed.stdout.split('\n').filter(Boolean).length : NaN;
    return { bytes: statSync(out).size, files };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function run(): Promise<Section> {
  const vsix = vsixBytes(); // First: it rebuilds dist/ for production.
  const dist = filesUnder(path.join(PROJECT_ROOT, 'dist')).filter(({ file }) => !file.endsWith('.map'));
  const distBytes = dist.reduce((sum, { bytes }) => sum + bytes, 0);
  const bundle = (name: string) => dist.find(({ file }) => file === path.join('dist', name))?.bytes ?? NaN;
  return {
    id: 'size',
    title: 'Size (production build)',
    figures: [
      {
        name: 'dist/ total',
        value: distBytes / KB,
        unit: 'KB',
        budget: { max: 400 },
        how: 'Sum of the files in dist/ after the production build (minified, no source maps).',
        details: { files: dist },
      },
      { name: 'dist/extension.js (activation)', value: bundle('extension.js') / KB, unit: 'KB', how: 'The bundle VS Code loads on activation.' },
      { name: 'dist/core.js (on first use)', value: bundle('core.js') / KB, unit: 'KB', how: 'axios, zod/mini, tree, panels: required on first use.' },
      {
        name: '.vsix',
        value: vsix.bytes / KB,
        unit: 'KB',
        how: '`vsce package --no-dependencies` into a temp dir (a zip of dist/, media/, README, CHANGELOG, LICENSE).',
        details: { files: vsix.files },
      },
    ],
  };
}
