import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { SubgraphName } from '@harbour/config';
import { GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, serveGraphQL, type RunningHttpServer } from '@harbour/graphql-kit';

export interface GatewayOptions {
  supergraphPath: string;
  subgraphUrls: Record<SubgraphName, string>;
  gatewaySecret: string;
  host: string;
  port: number;
  /** Serves every path that is not /graphql (the web app). */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

interface GatewayContext extends BaseContext {
  requestId: string;
}

/**
 * The only public endpoint: Apollo Gateway over the supergraph file composed by
 * `pnpm schema` (no runtime introspection), sending the shared secret to subgraphs.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
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
    plugins: [ApolloServerPluginLandingPageDisabled()],
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
