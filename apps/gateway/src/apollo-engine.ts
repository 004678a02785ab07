import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type { SubgraphName } from '@harbour/config';
import { GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, serveGraphQL, type RunningHttpServer } from '@harbour/graphql-kit';
import type { GatewayOptions } from './gateway-options';

interface GatewayContext extends BaseContext {
  requestId: string;
}

/**
 * Apollo Gateway in Apollo Server over the supergraph file, tuned: Node's own HTTP server,
 * keep-alive to subgraphs through Node's fetch, no tracing, cache hints or usage reporting.
 */
export async function startApolloGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(options.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls[name as SubgraphName] ?? url,
        // Node's fetch (undici) keeps connections to subgraphs alive between requests.
        fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'],
        willSendRequest({ request, context }) {
          request.http?.headers.set(GATEWAY_SECRET_HEADER, options.gatewaySecret);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Per-request work Harbour does not use: cache hints and usage reporting.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginUsageReportingDisabled()],
  });
  return serveGraphQL({
    server,
    host: options.host,
    port: options.port,
    fallback: options.fallback,
    context: async (req) => {
      const header = req.headers[REQUEST_ID_HEADER];
      return { requestId: (Array.isArray(header) ? header[0] : header) || randomUUID() };
    },
  });
}
