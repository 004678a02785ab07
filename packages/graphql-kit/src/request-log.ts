import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from './context';
import { acceptRequestId, duringRequest, log } from './log';

const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

/**
 * A request's path as a log line may hold it: no query string (a report filter, say), and no
 * personal link's token (`/s/<token>` opens, and answers as, one person's survey).
 */
export function loggedPath(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!.replace(/^\/s\/[^/]*/, '/s/(link)').slice(0, 200);
}

/**
 * Wraps an HTTP handler so each request has one id (the `x-request-id` it came with when that
 * is a short token, else a new UUID, set on the request for everything downstream and sent back
 * on the response), runs with that id in every line logged, and ends in one `request` line:
 * method, path, status and milliseconds. Load balancers' health checks log at debug.
 */
export function withRequestLog(handle: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    const path = loggedPath(req.url);
    duringRequest(requestId, () => {
      res.once('close', () => {
        const line = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started), ...(res.writableFinished ? {} : { aborted: true }) };
        if (HEALTH_PATHS.has(path)) log.debug(line, 'request');
        else log.info(line, 'request');
      });
      handle(req, res);
    });
  };
}
