// A local HTTP server for the panel page: `/` answers the host's own HTML (same CSP, same markup, the
// server's origin standing in for webview.cspSource) and `/dist/webview/*` the built bundle. Nothing else.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderPanelHtml } from '../../src/extension/panel/html';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function startPageServer(repoRoot: string): Promise<PageServer> {
  const bundleDir = path.join(repoRoot, 'dist', 'webview');
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      const html = renderPanelHtml({
        cspSource: origin,
        scriptUri: `${origin}/dist/webview/main.js`,
        styleUri: `${origin}/dist/webview/main.css`,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // a browser tab asks for it; a webview never does
      return;
    }
    const prefix = '/dist/webview/';
    const file = url.pathname.startsWith(prefix)
      ? path.join(bundleDir, path.normalize(url.pathname.slice(prefix.length)))
      : '';
    if (!file || !file.startsWith(bundleDir + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
