import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { buildPanelHtml, createNonce } from '../../src/panel/panelHtml';
import { PROJECT_ROOT } from './projectRoot';

const MEDIA = path.join(PROJECT_ROOT, 'media');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };

export interface PanelPageServer {
  /** The panel's page: buildPanelHtml with a fresh nonce, this server as the CSP source. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the task panel's page as the extension builds it, and media/ beside it, on 127.0.0.1:
 * the real panel.js, panel.css and CSP in a plain browser page. Nothing outside media/ is served.
 */
export async function servePanelPage(): Promise<PanelPageServer> {
  let origin = '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/panel.html') {
      const asset = (file: string) => `${origin}/media/${file}`;
      const html = buildPanelHtml({ script: asset('panel.js'), style: asset('panel.css'), codicons: asset('codicons/codicon.css') }, origin, createNonce());
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
    const file = path.join(PROJECT_ROOT, path.normalize(url.pathname));
    if (!file.startsWith(MEDIA + path.sep)) return void res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/panel.html`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
