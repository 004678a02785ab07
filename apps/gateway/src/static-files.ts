import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import Negotiator from 'negotiator';
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

/** The build's precompressed copies, best first, by the file ending vite-plugin-compression2 gives them. */
const PRECOMPRESSED: Record<string, string> = { br: '.br', gzip: '.gz' };

/**
 * The build's precompressed copy of `file` that the request accepts (brotli before gzip), or
 * none: then the file goes as it is, and the gateway's compression middleware decides.
 */
function precompressed(req: IncomingMessage, file: string): { encoding: string; file: string } | null {
  // Negotiator 0.6.4 takes the preferred order as a second argument (compression relies on it);
  // its types predate that. Browsers list gzip first, so without it brotli would never be chosen.
  const negotiator = new Negotiator(req) as unknown as { encoding(available: string[], preferred: string[]): string | undefined };
  const encoding = negotiator.encoding(['br', 'gzip', 'identity'], ['br', 'gzip']);
  const ending = encoding ? PRECOMPRESSED[encoding] : undefined;
  if (!ending || !existsSync(file + ending)) return null;
  return { encoding: encoding!, file: file + ending };
}

/**
 * Serves the web app's build: files as they are (or their precompressed copy, when the
 * browser accepts it), and index.html for any other path so the app's own routes (e.g.
 * /s/<token>) load. Hashed assets are cached for a year.
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
    const compressed = precompressed(req, file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      // With its length known, a small file goes as it is (the compression middleware's threshold).
      'content-length': statSync(compressed?.file ?? file).size,
      ...(compressed ? { 'content-encoding': compressed.encoding } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // The file can vanish mid-request (a rebuild empties dist/): end this response, not the process.
    createReadStream(compressed?.file ?? file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
