import { randomBytes } from 'node:crypto';

/** Webview URIs of the panel's static files. */
export interface PanelAssets {
  readonly script: string;
  readonly style: string;
  readonly codicons: string;
}

/** Where those files are, from the extension's root: the page's bundle (esbuild.js) and media/. */
export const PANEL_ASSET_PATHS: { readonly [K in keyof PanelAssets]: readonly string[] } = {
  script: ['dist', 'webview', 'panel.js'],
  style: ['media', 'panel.css'],
  codicons: ['media', 'codicons', 'codicon.css'],
};

/** The only folders the page may load from (localResourceRoots). */
export const PANEL_RESOURCE_ROOTS: readonly (readonly string[])[] = [['media'], ['dist', 'webview']];

/** A fresh nonce for each render: only scripts carrying it may run. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The panel's static page. It holds no task data at all: the host posts the task after the
 * script says it is ready, and the script builds the DOM with textContent.
 */
export function buildPanelHtml(assets: PanelAssets, cspSource: string, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // Nothing in the page may change where relative URLs point or where a form would post.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(assets.codicons)}">
<link rel="stylesheet" href="${escapeAttribute(assets.style)}">
<title>Flexprice task</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true"><p class="placeholder">Loading task…</p></main>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(assets.script)}"></script>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
