import * as assert from 'node:assert/strict';
import { buildPanelHtml, createNonce, PANEL_ASSET_PATHS, PANEL_RESOURCE_ROOTS } from '../../../src/panel/panelHtml';

const assets = {
  script: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js',
  style: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  codicons: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css',
};
const CSP_SOURCE = 'https://*.vscode-cdn.net';

function cspOf(html: string): Map<string, string> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(content.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));
}

describe('buildPanelHtml', () => {
  const nonce = createNonce();
  const html = buildPanelHtml(assets, CSP_SOURCE, nonce);

  it('denies everything by default and allows scripts only with this render’s nonce', () => {
    const csp = cspOf(html);
    assert.equal(csp.get('default-src'), "'none'");
    assert.equal(csp.get('script-src'), `'nonce-${nonce}'`);
    assert.equal(csp.get('style-src'), CSP_SOURCE);
    assert.equal(csp.get('font-src'), CSP_SOURCE);
    assert.ok(![...csp.values()].some((v) => v.includes('unsafe')), 'no unsafe-inline or unsafe-eval');
  });

  it('lets nothing change the base URL or be the target of a form', () => {
    const csp = cspOf(html);
    assert.equal(csp.get('base-uri'), "'none'");
    assert.equal(csp.get('form-action'), "'none'");
  });

  it('loads its script from the bundle and its styles from media/, the only roots it may load from', () => {
    assert.deepEqual(PANEL_ASSET_PATHS, { script: ['dist', 'webview', 'panel.js'], style: ['media', 'panel.css'], codicons: ['media', 'codicons', 'codicon.css'] });
    for (const file of Object.values(PANEL_ASSET_PATHS)) {
      assert.ok(PANEL_RESOURCE_ROOTS.some((root) => root.every((part, i) => file[i] === part)), file.join('/'));
    }
  });

  it('has exactly one script, carrying the nonce, and no inline handlers or styles', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0]!.includes(`nonce="${nonce}"`));
    assert.ok(scripts[0]!.includes(`src="${assets.script}"`));
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/, 'no inline script body');
  });

  it('uses a fresh, unguessable nonce for every render', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    assert.ok(nonce.length >= 24);
    assert.notEqual(buildPanelHtml(assets, CSP_SOURCE, createNonce()), html);
  });

  it('escapes asset URLs so they cannot break out of their attribute', () => {
    const evil = buildPanelHtml({ ...assets, style: 'x"><script>alert(1)</script>' }, CSP_SOURCE, nonce);
    assert.equal((evil.match(/<script\b/g) ?? []).length, 1);
  });
});
