import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GATEWAY_SECRET_HEADER, listenHttp, requestTarget, type RunningHttpServer } from '@harbour/graphql-kit';
import type { GatewayOptions } from './gateway-options';

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
  const gateway = createGatewayRuntime({
    supergraph: withRoutingUrls(readFileSync(options.supergraphPath, 'utf8'), options.subgraphUrls),
    propagateHeaders: {
      // Only the secret: reading the client request here (e.g. to pass on x-request-id)
      // costs Hive half its throughput in pnpm bench, so request ids wait for a cheaper hook.
      fromClientToSubgraphs: () => ({ [GATEWAY_SECRET_HEADER]: options.gatewaySecret }),
    },
    // Unexpected errors reach clients as "Unexpected error." with no detail or stack.
    maskedErrors: { isDev: false },
    graphiql: false,
    landingPage: false,
    logging: 'error',
  });
  const httpServer = createServer((req, res) => {
    try {
      const pathname = requestTarget(req)?.pathname;
      if (pathname === '/graphql' || !options.fallback) void gateway(req, res);
      else options.fallback(req, res);
    } catch (error) {
      // One bad request must never take the gateway down.
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  return listenHttp(httpServer, { host: options.host, port: options.port, path: '/graphql', onClose: () => gateway.dispose() });
}
