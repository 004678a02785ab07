import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

/**
 * Compresses every response the gateway gives that is worth it (GraphQL answers, pages,
 * downloads over 1 kB of a compressible type), with Express's compression middleware: brotli
 * (quality 4, fast enough per request) where the browser accepts it, else gzip. Files the web
 * build precompressed go as they are (the middleware leaves an encoded response alone).
 */
export function responseCompression(): (req: IncomingMessage, res: ServerResponse) => void {
  const compress = compression({ threshold: 1024 });
  type Middleware = Parameters<typeof compress>;
  // The middleware wraps the response's write and end, then calls next at once; it reads only
  // what Node's own request and response have.
  return (req, res) => compress(req as Middleware[0], res as Middleware[1], () => undefined);
}
