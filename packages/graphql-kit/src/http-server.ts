import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { answerHealth, type ReadinessChecks } from './health';
import { inputProblem, searchProblem } from './input-guard';
import { ErrorCode, HarbourError } from './errors';
import { log } from './log';
import { withRequestLog } from './request-log';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './unavailable';

/** A refusal decided before GraphQL runs (e.g. a request that bypassed the gateway). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  host: string;
  port: number;
  /** Path the GraphQL endpoint answers on. */
  path?: string;
  /** Makes the request's context; `signal` aborts when its time budget runs out or its client goes, with the reason. */
  context: (req: IncomingMessage, signal: AbortSignal, res: ServerResponse) => Promise<TContext>;
  /** How long a GraphQL request may run before its signal aborts with REQUEST_TIMEOUT; none when absent. */
  budgetMs?: number;
  /**
   * Runs after execution and before the response is written, whenever a context was made:
   * where a request's transaction commits, so a client never reads ahead of its own write.
   */
  settle?: (context: TContext) => Promise<void>;
  /** Checked before the body is read; a refusal answers at once with no data. */
  refuse?: (req: IncomingMessage) => Refusal | null | Promise<Refusal | null>;
  /** Handles every other path (static files); 404 when absent. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Sees each request first; true when it answered it (the explorer page for browsers at the GraphQL path). */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Most operations in one batched (JSON array) request; larger batches get 400. */
  maxBatch?: number;
  /** What `GET /readyz` checks; `/healthz` and `/readyz` are answered whenever this is given. */
  readiness?: ReadinessChecks;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

export class BodyTooLarge extends Error {}

/**
 * The request's path and query, or null when the request target cannot be parsed.
 * Prefixing (rather than passing a base) keeps a target like `//x` a path, not a host.
 */
export function requestTarget(req: IncomingMessage): URL | null {
  try {
    return new URL(`http://localhost${req.url ?? '/'}`);
  } catch {
    return null;
  }
}

/** The request body as text; rejects with {@link BodyTooLarge} past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the caller answers 413 and closes the connection.
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function overBudget(ms: number): HarbourError {
  return new HarbourError(ErrorCode.REQUEST_TIMEOUT, `The request ran longer than ${ms / 1000} s and was stopped: ask for less (a narrower filter, fewer fields or aliases)`, { budgetMs: ms });
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Serves an Apollo Server over Node's own HTTP server: no framework in the hot path,
 * keep-alive on, a bounded body, and a hook that refuses requests before any work.
 */
export async function serveGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): Promise<RunningHttpServer> {
  const path = options.path ?? '/graphql';
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  await options.server.start();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (options.readiness && answerHealth(req, res, options.readiness)) return;
    if (options.intercept?.(req, res)) return;
    const url = requestTarget(req);
    if (!url) {
      sendError(res, 400, 'BAD_REQUEST', 'The request target is not a valid URL path');
      return;
    }
    if (url.pathname !== path) {
      if (options.fallback) options.fallback(req, res);
      else sendError(res, 404, 'NOT_FOUND', `Nothing at ${url.pathname}; GraphQL is at ${path}`);
      return;
    }
    // From the start: a client that goes while it is still being checked is gone all the same.
    const work = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) work.abort(new Error('The client went before the answer was sent'));
    });
    const refusal = await options.refuse?.(req);
    if (refusal) {
      req.resume();
      if (refusal.status === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      sendError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, limit);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`);
          // Read the rest (discarded), so the client can finish sending and read the answer
          // (cut off mid-send, it sees a reset, not the 413); one that sends far more is cut off.
          let discarded = 0;
          req.on('data', (chunk: Buffer) => {
            discarded += chunk.length;
            if (discarded > 8 * limit) req.destroy();
          });
          req.resume();
          return;
        }
        throw error;
      }
      try {
        body = raw.length ? JSON.parse(raw) : undefined;
      } catch {
        sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
        return;
      }
      if (Array.isArray(body) && body.length > (options.maxBatch ?? 1)) {
        sendError(res, 400, 'BATCH_TOO_LARGE', `A batch may hold at most ${options.maxBatch ?? 1} operations`);
        return;
      }
    }
    // No NUL, no half surrogate pair, no absurd nesting reaches a parser or a resolver.
    const problem = req.method === 'POST' ? inputProblem(body) : searchProblem(url.search);
    if (problem) {
      sendError(res, 400, 'BAD_USER_INPUT', problem);
      return;
    }
    let context: Promise<TContext> | undefined;
    let result: Awaited<ReturnType<typeof options.server.executeHTTPGraphQLRequest>>;
    const budget = options.budgetMs ? setTimeout(() => work.abort(overBudget(options.budgetMs!)), options.budgetMs) : undefined;
    try {
      result = await options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => (context = options.context(req, work.signal, res)),
      });
    } finally {
      clearTimeout(budget);
      if (context && options.settle) {
        const made = await context.catch(() => undefined);
        if (made) await options.settle(made);
      }
    }
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const httpServer = createServer(withRequestLog((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The database went away before the request's transaction ended (its commit, say): nothing was kept, try again.
      const unavailable = isDatabaseUnavailable(error);
      if (unavailable) log.warn({ reason: (error as Error).message }, 'database unavailable');
      else log.error({ err: error }, 'request failed');
      if (res.headersSent) res.end();
      else if (unavailable) {
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        sendError(res, 503, 'SERVICE_UNAVAILABLE', 'Harbour is busy just now: try again in a few seconds');
      } else sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    });
  }));
  return listenHttp(httpServer, { host: options.host, port: options.port, path, onClose: () => options.server.stop() });
}

/**
 * Starts `httpServer` listening with keep-alive tuned for pooled clients; close() ends
 * open connections, then runs `onClose`.
 */
export async function listenHttp(
  httpServer: Server,
  options: { host: string; port: number; path: string; onClose: () => void | Promise<void> },
): Promise<RunningHttpServer> {
  // Longer than common client/load-balancer idle timeouts, so pooled connections get reused.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}${options.path}`,
    port,
    httpServer,
    async close() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await options.onClose();
    },
  };
}
