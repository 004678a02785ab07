import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { GraphQLError } from 'graphql';
import type { HarbourContext } from './context';
import { ErrorCode } from './errors';
import { checkGatewaySecret, GATEWAY_SECRET_HEADER } from './gateway-secret';
import { sendError, requestTarget } from './http-server';
import { createRequestContext, settleRequestContext } from './request-context';
import { log } from './log';

/**
 * A file a subgraph streams to a caller through the gateway (a report as CSV or XLSX): a GET
 * under /exports/, run as the verified caller in a request transaction like any resolver.
 * It reads its parameters from the query string and writes the file to `res`.
 */
export type Download = (ctx: HarbourContext, query: URLSearchParams, res: ServerResponse) => Promise<void>;
export type Downloads = Record<string, Download>;

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

/** Serves `downloads` to GETs that carry the gateway secret; anything else goes to `next`. */
export function downloadHandler(downloads: Downloads, dataSource: DataSource, gatewaySecret: string, next?: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = requestTarget(req);
    const download = target && downloads[target.pathname];
    if (!download) {
      if (next) next(req, res);
      else {
        req.resume();
        sendError(res, 404, 'NOT_FOUND', 'Nothing here');
      }
      return;
    }
    req.resume();
    if (req.method !== 'GET') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Downloads are fetched with GET');
      return;
    }
    if (checkGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], gatewaySecret) !== 'ok') {
      sendError(res, 403, 'FORBIDDEN', 'Only the gateway may call this');
      return;
    }
    void (async () => {
      let ctx: HarbourContext | undefined;
      try {
        ctx = await createRequestContext(dataSource, req);
        await download(ctx, target.searchParams, res);
      } catch (error) {
        if (ctx) ctx.outcome.failed = true;
        const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
        if (res.headersSent) {
          // Part of the file is gone already: cut it short so the client sees it failed.
          log.error({ err: error }, 'download failed');
          res.destroy(error as Error);
        } else if (STATUS[code]) {
          sendError(res, STATUS[code]!, code, (error as Error).message);
        } else {
          log.error({ err: error }, 'download failed');
          sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
        }
      } finally {
        if (ctx) await settleRequestContext(ctx).catch((error: unknown) => log.error({ err: error }, 'download failed to settle'));
      }
    })();
  };
}
