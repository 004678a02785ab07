import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import {
  CALLER_HEADER,
  CLIENT_HEADER,
  describeClient,
  requestIdOf,
  GATEWAY_SECRET_HEADER,
  listenHttp,
  log,
  REQUEST_ID_HEADER,
  requestTarget,
  sendError,
  type RunningHttpServer,
  withRequestLog,
} from '@harbour/graphql-kit';
import { callerAuth, isRefusal } from './auth/caller-auth';
import { hiveLimitsPlugin } from './limits/limits-plugins';
import type { GatewayOptions } from './gateway-options';

/** What the gateway's HTTP handler adds to each request's context: the verified caller header. */
interface HarbourServerContext {
  harbourCaller?: string;
  harbourSignedIn?: boolean;
  harbourClient?: string;
  harbourRequestId?: string;
}

/** Points each `join__graph` at the URL this deployment uses for that subgraph. */
export function withRoutingUrls(supergraph: string, urls: Record<string, string>): string {
  let sdl = supergraph;
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`);
    if (!pattern.test(sdl)) throw new Error(`The supergraph has no subgraph named ${name}: run \`pnpm schema\`.`);
    sdl = sdl.replace(pattern, `$1${JSON.stringify(url)}`);
  }
  return sdl;
}

/**
 * Hive Gateway (a Federation 2 gateway from the npm registry) over the supergraph file,
 * on Node's HTTP server. Sends the shared secret to every subgraph.
 */
export async function startHiveGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const verify = callerAuth({ directoryUrl: options.subgraphUrls.directory, gatewaySecret: options.gatewaySecret });
  const gateway = createGatewayRuntime<HarbourServerContext>({
    supergraph: withRoutingUrls(readFileSync(options.supergraphPath, 'utf8'), options.subgraphUrls),
    batching: { limit: options.limits.maxBatch },
    transportEntries: {
      '*': {
        // The secret and the caller verified below travel on every subgraph request. Set here
        // (not in an onFetch hook) they are part of the HTTP executor's in-flight de-duplication
        // key; de-duplication is off as well, so no two callers ever share a subgraph response.
        headers: [
          [GATEWAY_SECRET_HEADER, options.gatewaySecret],
          [CALLER_HEADER, '{context.harbourCaller}'],
          [CLIENT_HEADER, '{context.harbourClient}'],
          [REQUEST_ID_HEADER, '{context.harbourRequestId}'],
        ],
        options: { deduplicateInflightRequests: false },
      },
    },
    plugins: () => [hiveLimitsPlugin({ limits: options.limits, production: options.production })],
    // Unexpected errors reach clients as "Unexpected error." with no detail or stack.
    maskedErrors: { isDev: false },
    graphiql: false,
    landingPage: false,
    logging: 'error',
  });
  const httpServer = createServer(withRequestLog((req, res) => {
    try {
      if (options.intercept?.(req, res)) return;
      const pathname = requestTarget(req)?.pathname;
      if (pathname === '/graphql' || !options.fallback) {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > options.maxBodyBytes) {
          // Answer at once, and read the rest (discarded) so the client can finish sending and
          // read the answer; a client that keeps sending far past the limit is cut off.
          sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${options.maxBodyBytes} bytes`);
          let discarded = 0;
          req.on('data', (chunk: Buffer) => {
            discarded += chunk.length;
            if (discarded > 8 * options.maxBodyBytes) req.destroy();
          });
          return;
        }
        if (req.method === 'POST' && req.headers['content-length'] === undefined) {
          req.resume();
          sendError(res, 411, 'LENGTH_REQUIRED', 'Send a Content-Length with the request body');
          return;
        }
        verify(req).then(
          (verified) => {
            if (isRefusal(verified)) {
              req.resume();
              sendError(res, verified.status, verified.code, verified.message);
            } else {
              void gateway(req, res, { harbourCaller: verified.header, harbourSignedIn: verified.signedIn, harbourClient: describeClient(req), harbourRequestId: requestIdOf(req) });
            }
          },
          (error: unknown) => {
            log.error({ err: error }, 'verifying the caller failed');
            if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
          },
        );
      } else options.fallback(req, res);
    } catch (error) {
      // One bad request must never take the gateway down.
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  }));
  return listenHttp(httpServer, { host: options.host, port: options.port, path: '/graphql', onClose: () => gateway.dispose() });
}
