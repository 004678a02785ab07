import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createContextFactory, type HarbourContext } from './context';
import { checkGatewaySecret, GATEWAY_SECRET_HEADER } from './gateway-secret';
import { serveGraphQL, type RunningHttpServer } from './http-server';

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  host: string;
  port: number;
  /** Requests without this value in {@link GATEWAY_SECRET_HEADER} are refused. */
  gatewaySecret: string;
}

/** Starts one subgraph: Apollo Server that answers only the gateway. */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningHttpServer> {
  const server = new ApolloServer<HarbourContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  return serveGraphQL({
    server,
    host: options.host,
    port: options.port,
    context: createContextFactory(options.dataSource),
    refuse: (req) => {
      switch (checkGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], options.gatewaySecret)) {
        case 'ok':
          return null;
        case 'missing':
          return {
            status: 401,
            code: 'UNAUTHENTICATED',
            message: `The ${options.name} subgraph answers only the Harbour gateway`,
          };
        case 'wrong':
          return { status: 403, code: 'FORBIDDEN', message: 'Gateway secret does not match' };
      }
    },
  });
}
