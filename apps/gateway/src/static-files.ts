import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { requestTarget } from '@harbour/graphql-kit';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the web app's build: files as they are, and index.html for any other path so
 * the app's own routes (e.g. /s/<token>) load. Hashed assets are cached for a year.
 */
export function staticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const index = path.join(root, 'index.html');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(requestTarget(req)?.pathname ?? '');
    } catch {
      pathname = '';
    }
    if (!pathname) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request path');
      return;
    }
    const candidate = path.normalize(path.join(root, pathname));
    const inside = candidate.startsWith(root + path.sep);
    const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The web app has not been built: run `pnpm build`.');
      return;
    }
    const hashed = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // The file can vanish mid-request (a rebuild empties dist/): end this response, not the process.
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
