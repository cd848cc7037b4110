import { access, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { buildPanelHtml, createNonce, PANEL_ASSET_PATHS, PANEL_RESOURCE_ROOTS } from '../../src/panel/panelHtml';
import { PROJECT_ROOT } from './projectRoot';

/** The folders the extension lets its panel load from, and nothing else. */
const ROOTS = PANEL_RESOURCE_ROOTS.map((root) => path.join(PROJECT_ROOT, ...root) + path.sep);
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

export interface PanelPageServer {
  /** The panel's page: buildPanelHtml with a fresh nonce, this server as the CSP source. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the task panel's page as the extension builds it, and the folders it loads from
 * (media/, and dist/webview/ with the page's bundle: `npm run build` first), on 127.0.0.1: the
 * real script, panel.css and CSP in a plain browser page. Nothing outside those folders is served.
 */
export async function servePanelPage(): Promise<PanelPageServer> {
  const script = path.join(PROJECT_ROOT, ...PANEL_ASSET_PATHS.script);
  await access(script).catch(() => {
    throw new Error(`${path.relative(PROJECT_ROOT, script)} is missing: run \`npm run build\` first`);
  });
  let origin = '';
  // Node ignores what a request handler returns: the async work is started and its errors caught inside.
  const server = createServer((req, res) => void answer(req, res));
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/panel.html') {
      const asset = (parts: readonly string[]) => `${origin}/${parts.join('/')}`;
      const assets = { script: asset(PANEL_ASSET_PATHS.script), style: asset(PANEL_ASSET_PATHS.style), codicons: asset(PANEL_ASSET_PATHS.codicons) };
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(buildPanelHtml(assets, origin, createNonce()));
    }
    const file = path.join(PROJECT_ROOT, path.normalize(url.pathname));
    if (!ROOTS.some((root) => file.startsWith(root))) return void res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/panel.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
