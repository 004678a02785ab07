import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { CALLER_HEADER, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, requestIdOf, requestTarget, sendError, log } from '@harbour/graphql-kit';
import { callerAuth, isRefusal } from './auth/caller-auth';

/** Headers of a download that reach the caller. */
const PASSED = ['content-type', 'content-disposition', 'cache-control'];

/**
 * Downloads (GET /exports/...): the caller is verified as for GraphQL (a bearer token, checked
 * by the directory), then the file is streamed from the insights subgraph, which authorises
 * and builds it. Every other path goes to `next`.
 */
export function exportsProxy(options: { insightsUrl: string; directoryUrl: string; gatewaySecret: string }, next: (req: IncomingMessage, res: ServerResponse) => void) {
  const verify = callerAuth({ directoryUrl: options.directoryUrl, gatewaySecret: options.gatewaySecret });
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = requestTarget(req);
    if (!target?.pathname.startsWith('/exports/')) {
      next(req, res);
      return;
    }
    req.resume();
    void verify(req).then((verified) => {
      if (isRefusal(verified)) {
        sendError(res, verified.status, verified.code, verified.message);
        return;
      }
      const upstream = request(
        new URL(`${target.pathname}${target.search}`, options.insightsUrl),
        {
          method: 'GET',
          headers: { [GATEWAY_SECRET_HEADER]: options.gatewaySecret, [CALLER_HEADER]: verified.header, [REQUEST_ID_HEADER]: requestIdOf(req) },
        },
        (answer) => {
          const headers: Record<string, string> = {};
          for (const name of PASSED) if (typeof answer.headers[name] === 'string') headers[name] = answer.headers[name];
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        },
      );
      upstream.on('error', (error) => {
        log.warn({ reason: error.message }, 'a download failed');
        if (!res.headersSent) sendError(res, 502, 'BAD_GATEWAY', 'The report service did not answer; try again shortly');
        else res.destroy();
      });
      upstream.end();
    });
  };
}
