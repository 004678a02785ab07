import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createContextFactory, type HarbourContext } from './context';
import { ErrorCode } from './errors';
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

/**
 * Errors Harbour raised on purpose (GraphQLErrors with a code: NOT_FOUND, BAD_USER_INPUT, ...)
 * go to the client as they are; anything else is logged here and reaches the client only as
 * INTERNAL_SERVER_ERROR, so no SQL, driver or stack detail leaks.
 */
export function maskUnexpectedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (unwrapResolverError(error) instanceof GraphQLError) return formatted;
  console.error(error);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** The Apollo Server every subgraph runs (exported so tests execute exactly what clients reach). */
export function createSubgraphApolloServer(schema: GraphQLSchema): ApolloServer<HarbourContext> {
  return new ApolloServer<HarbourContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedError,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
}

/** Starts one subgraph: Apollo Server that answers only the gateway. */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningHttpServer> {
  const server = createSubgraphApolloServer(options.schema);
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
