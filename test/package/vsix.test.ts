import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PACKAGED_VSIX } from '../host/packageVsix';
import { PROJECT_ROOT } from '../host/projectRoot';
import { readZipEntries, type ZipEntry } from '../host/zipArchive';

/*
 * The .vsix the package layer built (test/host/runPackage.ts) holds what runs and nothing
 * else: no sources, tests, maps, node_modules, CI or bench files.
 */

/** Everything a .vsix may hold; vsce renames README, CHANGELOG and LICENSE on the way in. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/[\w./-]+\.js$/,
  /^extension\/media\/[\w./-]+$/,
];

const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/core.js',
];

/** The project's files under a folder, as the .vsix names them. */
function packagedNamesOf(folder: string, keep: (file: string) => boolean = () => true): string[] {
  return readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(keep)
    .map((file) => `extension/${file}`);
}

describe(`the .vsix (${path.relative(PROJECT_ROOT, PACKAGED_VSIX)})`, () => {
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    entries = readZipEntries(PACKAGED_VSIX);
    names = entries.map(({ name }) => name);
    console.log(`    ${names.length} entries:\n${names.map((name) => `      ${name}`).join('\n')}`);
  });

  it('holds nothing unexpected: no sources, tests, maps, node_modules, .ci or bench', () => {
    const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.ok(unexpected.length === 0, `unexpected in the .vsix: ${unexpected.join(', ')}`);
  });

  it('holds the manifest, README, CHANGELOG, LICENSE, both bundles, every built bundle and all of media/', () => {
    const bundles = packagedNamesOf('dist', (file) => file.endsWith('.js'));
    const expected = [...new Set([...REQUIRED, ...bundles, ...packagedNamesOf('media')])];
    const missing = expected.filter((name) => !names.includes(name));
    assert.ok(missing.length === 0, `missing from the .vsix: ${missing.join(', ')}`);
  });

  it('ships the production build: minified bundles that point at no source map', () => {
    for (const entry of entries.filter(({ name }) => name.startsWith('extension/dist/'))) {
      const code = entry.read().toString('utf8');
      assert.ok(!code.includes('sourceMappingURL'), `${entry.name} names a source map the .vsix does not hold`);
      // Minified code still has a line break wherever a string holds one (esbuild writes them as
      // template literals), so the measure is the mean line: ~40 characters unminified.
      const lines = code.split('\n').length;
      assert.ok(code.length / lines > 1_000, `${entry.name} is minified (${lines} lines, ${Math.round(code.length / lines)} characters each on average)`);
    }
  });

  it('holds the package.json of this checkout, whose main is in the .vsix', () => {
    const packaged = JSON.parse(entries.find(({ name }) => name === 'extension/package.json')!.read().toString('utf8')) as { main: string };
    const own = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; main: string };
    assert.deepEqual(packaged, own);
    assert.ok(names.includes(`extension/${path.posix.normalize(own.main)}`), `${own.main} is packaged`);
  });
});
