import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * The layering docs/ARCHITECTURE.md describes, checked on the sources: which folder of src/ may
 * import which, which may import `vscode`, no cycle between folders, and an activation bundle
 * that reaches none of the heavy code.
 */

const SRC = path.join(__dirname, '..', '..', '..', 'src');

/** What each part may import besides itself (a folder of src/, or a file at its top). Keep in step with docs/ARCHITECTURE.md. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  api: ['format', 'log'],
  polling: ['api', 'log'],
  log: [],
  storage: [],
  connections: ['api', 'log', 'polling', 'storage'],
  format: [],
  configuration: ['api', 'polling'],
  auth: ['api', 'configuration', 'connections', 'log'],
  ui: ['api', 'log'],
  files: ['api', 'webview'],
  webview: [],
  links: ['api', 'format'],
  uri: ['api'],
  schedules: ['api', 'log', 'polling'],
  tree: ['connections', 'api', 'auth', 'configuration', 'format', 'log', 'polling', 'schedules', 'storage', 'ui'],
  scheduleView: ['api', 'auth', 'configuration', 'connections', 'format', 'log', 'polling', 'schedules', 'tree', 'ui'],
  panel: ['connections', 'api', 'auth', 'files', 'format', 'log', 'polling', 'ui', 'webview'],
  commands: ['connections', 'api', 'auth', 'configuration', 'files', 'format', 'log', 'panel', 'scheduleView', 'schedules', 'storage', 'tree', 'ui', 'uri', 'links'],
  core: ['connections', 'auth', 'commands', 'format', 'log', 'panel', 'scheduleView', 'storage', 'tree'],
  extension: ['connections', 'auth', 'commands', 'core', 'log', 'panel', 'scheduleView', 'tree', 'uri', 'links'],
};

/** Parts that run without VS Code (plain Node, or the browser for the webview). */
const WITHOUT_VSCODE = ['api', 'polling', 'storage', 'format', 'webview', 'connections', 'schedules'];

interface SourceFile {
  readonly file: string;
  readonly part: string;
  /** Relative imports, resolved to files under src/ (without extension), and bare package names. */
  readonly local: readonly string[];
  readonly packages: readonly string[];
  /** The relative imports that stay in the bundle (not `import type`, which the build erases). */
  readonly loaded: readonly string[];
}

function sources(): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) found.push(read(full));
    }
  };
  walk(SRC);
  return found;
}

function read(full: string): SourceFile {
  const file = path.relative(SRC, full).split(path.sep).join('/').replace(/\.ts$/, '');
  const text = fs.readFileSync(full, 'utf8');
  const imports = [...text.matchAll(/^(import type|export type)?[^'\n]*?(?:from|import)\s+'([^']+)'|require\('([^']+)'\)/gm)].map((match) => ({
    spec: match[2] ?? match[3],
    typeOnly: match[1] !== undefined,
  }));
  const resolve = (spec: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  const relative = imports.filter(({ spec }) => spec.startsWith('.'));
  return {
    file,
    part: partOf(file),
    local: relative.map(({ spec }) => resolve(spec)),
    loaded: relative.filter(({ typeOnly }) => !typeOnly).map(({ spec }) => resolve(spec)),
    packages: imports.filter(({ spec }) => !spec.startsWith('.')).map(({ spec }) => spec),
  };
}

/** A folder of src/, or a file at its top (extension, core, configuration). */
function partOf(file: string): string {
  return file.split('/')[0];
}

describe('architecture (docs/ARCHITECTURE.md)', () => {
  const files = sources();

  it('has every part of src/ in the table', () => {
    const parts = new Set(files.map((source) => source.part));
    assert.deepEqual([...parts].filter((part) => !(part in MAY_IMPORT)), [], 'add new folders to MAY_IMPORT and to docs/ARCHITECTURE.md');
  });

  it('imports across parts only where the table allows', () => {
    const wrong = files.flatMap((source) =>
      source.local
        .map(partOf)
        .filter((target) => target !== source.part && !(MAY_IMPORT[source.part] ?? []).includes(target))
        .map((target) => `${source.file} imports ${target}`),
    );
    assert.deepEqual([...new Set(wrong)], []);
  });

  it('keeps vscode out of the parts that run without it', () => {
    const wrong = files.filter((source) => WITHOUT_VSCODE.includes(source.part) && source.packages.includes('vscode')).map((source) => source.file);
    assert.deepEqual(wrong, []);
  });

  it('has no cycle between parts', () => {
    const edges = new Map<string, Set<string>>();
    for (const source of files) {
      for (const target of source.local.map(partOf)) {
        if (target !== source.part) edges.set(source.part, (edges.get(source.part) ?? new Set()).add(target));
      }
    }
    const cycle = (start: string, at: string, seen: string[]): string[] | undefined => {
      for (const next of edges.get(at) ?? []) {
        if (next === start) return [...seen, next];
        if (!seen.includes(next)) {
          const found = cycle(start, next, [...seen, next]);
          if (found) return found;
        }
      }
      return undefined;
    };
    for (const part of edges.keys()) assert.equal(cycle(part, part, [part])?.join(' → '), undefined);
  });

  it('loads neither axios nor zod at activation: extension.ts reaches them only through the lazy require of core', () => {
    const byFile = new Map(files.map((source) => [source.file, source]));
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file) || file === 'core') return;
      reached.add(file);
      const source = byFile.get(file) ?? byFile.get(`${file}/index`);
      source?.loaded.forEach(visit);
    };
    visit('extension');
    const heavy = [...reached].filter((file) => byFile.get(file)?.packages.some((name) => /^(axios|zod)(\/|$)/.test(name)));
    assert.deepEqual(heavy, []);
    assert.ok(reached.size > 3, 'the walk followed the imports');
  });
});
