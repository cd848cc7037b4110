// Bundles the extension into dist/. Three bundles: extension.js is what activation loads and
// stays tiny; core.js holds the heavy parts (axios, zod, views, panels) and is required on
// first use, so start-up never pays for them; webview/panel.js is the task panel's page
// (src/webview), for the browser inside the webview.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Leaves `require('./core')` in extension.js as a runtime require of dist/core.js. */
const lazyCorePlugin = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /^\.\/core$/ }, () => ({ path: './core.js', external: true }));
  },
};

/**
 * Leaves out two packages axios and follow-redirects bring for features the extension never
 * uses, which would otherwise be most of core.js and most of the time it takes to load:
 * - form-data, for sending multipart bodies (it carries the 137 KB mime-db); the extension
 *   only sends GETs, and Node's own FormData stands in should anything ask for one;
 * - debug, for DEBUG=follow-redirects logging; a no-op logger stands in.
 */
const unusedNodePackagesPlugin = {
  name: 'unused-node-packages',
  setup(build) {
    const standIns = {
      'form-data': 'module.exports = globalThis.FormData;',
      debug: 'module.exports = () => () => {};',
    };
    build.onResolve({ filter: /^(form-data|debug)$/ }, ({ path }) => ({ path, namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, ({ path }) => ({ contents: standIns[path], loader: 'js' }));
  },
};

/** Prints build results in the shape of the `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const shared = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  external: ['vscode'],
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  plugins: [problemMatcherPlugin],
};

/** The panel's page: a script the webview loads with its nonce, in the Chromium of VS Code 1.90 (Electron 29) or later. */
const webview = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome122',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({
      ...shared,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      plugins: [lazyCorePlugin, problemMatcherPlugin],
    }),
    esbuild.context({
      ...shared,
      entryPoints: ['src/core.ts'],
      outfile: 'dist/core.js',
      plugins: [unusedNodePackagesPlugin, problemMatcherPlugin],
    }),
    esbuild.context({
      ...webview,
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview/panel.js',
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
