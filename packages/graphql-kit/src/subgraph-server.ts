import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { decodeCaller, CALLER_HEADER } from './auth/caller';
import type { HarbourContext } from './context';
import { createRequestContext, headerValue, settleRequestContext } from './request-context';
import { downloadHandler, type Downloads } from './downloads';
import { ErrorCode } from './errors';
import { checkGatewaySecret, GATEWAY_SECRET_HEADER } from './gateway-secret';
import { constraintRefusal } from './constraint-errors';
import { validationProblems, withoutEchoedInput } from './input-guard';
import { log } from './log';
import { isDatabaseUnavailable, serviceUnavailable } from './unavailable';
import { BodyTooLarge, readBody, requestTarget, sendError, serveGraphQL, type RunningHttpServer } from './http-server';

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  host: string;
  port: number;
  /** Requests without this value in {@link GATEWAY_SECRET_HEADER} are refused. */
  gatewaySecret: string;
  /** JSON endpoints beside GraphQL that only the gateway may call, by path. */
  internalRoutes?: InternalRoutes;
  /** Files streamed to callers through the gateway, by path (under /exports/). */
  downloads?: Downloads;
  /** Largest request body read, in bytes. */
  maxBodyBytes?: number;
  /** How long one GraphQL request may run before its database work is cancelled (REQUEST_TIMEOUT). */
  budgetMs?: number;
}

/** An endpoint only the gateway calls: JSON in, JSON out. */
export type InternalRoute = (body: unknown) => Promise<{ status: number; body: unknown }>;
export type InternalRoutes = Record<string, InternalRoute>;

const INTERNAL_BODY_LIMIT = 16 * 1024;

/** Serves `routes` to POSTs that carry the gateway secret; 404 for anything else. */
function internalHandler(routes: InternalRoutes, gatewaySecret: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const route = routes[requestTarget(req)?.pathname ?? ''];
    if (!route || req.method !== 'POST') {
      req.resume();
      sendError(res, 404, 'NOT_FOUND', 'Nothing here');
      return;
    }
    if (checkGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], gatewaySecret) !== 'ok') {
      req.resume();
      sendError(res, 403, 'FORBIDDEN', 'Only the gateway may call this');
      return;
    }
    readBody(req, INTERNAL_BODY_LIMIT)
      .then((raw) => route(JSON.parse(raw) as unknown))
      .then(
        (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(answer.body));
        },
        (error: unknown) => {
          if (error instanceof SyntaxError || error instanceof BodyTooLarge) {
            sendError(res, 400, 'BAD_REQUEST', 'The body must be JSON of at most 16 KiB');
            return;
          }
          log.error({ err: error }, 'internal route failed');
          sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        },
      );
  };
}

/**
 * Errors Harbour raised on purpose (GraphQLErrors with a code: NOT_FOUND, BAD_USER_INPUT, ...)
 * go to the client as they are; a database that could not be had becomes SERVICE_UNAVAILABLE;
 * anything else is logged here and reaches the client only as INTERNAL_SERVER_ERROR, so no
 * SQL, driver or stack detail leaks.
 */
export function maskUnexpectedError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const failures = formatted.extensions?.validationErrors;
    if (Array.isArray(failures)) {
      // type-graphql's argument validation: its failures carry the whole input (a password too); only where and what go out.
      const problems = validationProblems(failures as Parameters<typeof validationProblems>[0]);
      const { validationErrors: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: withoutEchoedInput(problems.map((p) => `${p.field}: ${p.message}`).join('; ') || 'Some input is not valid'), extensions: { ...extensions, problems } };
    }
    return { ...formatted, message: withoutEchoedInput(formatted.message) };
  }
  const refused = constraintRefusal(original);
  if (refused) return { message: refused.message, path: formatted.path, extensions: refused.extensions };
  // The database went away mid-request: as busy as no connection at all.
  if (isDatabaseUnavailable(original)) {
    log.warn({ reason: original instanceof Error ? original.message : String(original), path: formatted.path }, 'database unavailable');
    const busy = serviceUnavailable();
    return { message: busy.message, path: formatted.path, extensions: { code: busy.extensions.code, retryAfter: busy.extensions.retryAfter } };
  }
  log.error({ err: original, path: formatted.path }, 'resolver failed');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** The Apollo Server every subgraph runs (exported so tests execute exactly what clients reach). */
export function createSubgraphApolloServer(schema: GraphQLSchema): ApolloServer<HarbourContext> {
  return new ApolloServer<HarbourContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        // Any error rolls the request's transaction back: a mutation is all or nothing.
        async requestDidStart() {
          return {
            async didEncounterErrors({ contextValue }) {
              contextValue.outcome.failed = true;
            },
          };
        },
      },
    ],
  });
}

export { createRequestContext, settleRequestContext };

/** What a subgraph answers beside GraphQL: its downloads, then its internal routes. */
function fallbackOf(options: SubgraphServerOptions) {
  const internal = options.internalRoutes ? internalHandler(options.internalRoutes, options.gatewaySecret) : undefined;
  if (options.downloads) return { fallback: downloadHandler(options.downloads, options.dataSource, options.gatewaySecret, internal) };
  return internal ? { fallback: internal } : {};
}

/** Starts one subgraph: Apollo Server that answers only the gateway. */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningHttpServer> {
  const server = createSubgraphApolloServer(options.schema);
  return serveGraphQL({
    server,
    host: options.host,
    port: options.port,
    ...fallbackOf(options),
    maxBodyBytes: options.maxBodyBytes,
    // Ready when its database answers.
    readiness: { database: () => options.dataSource.query('SELECT 1') },
    context: (req, signal) => createRequestContext(options.dataSource, req, signal),
    budgetMs: options.budgetMs,
    settle: settleRequestContext,
    refuse: (req) => {
      switch (checkGatewaySecret(req.headers[GATEWAY_SECRET_HEADER], options.gatewaySecret)) {
        case 'ok':
          return decodeCaller(headerValue(req.headers[CALLER_HEADER]))
            ? null
            : { status: 400, code: 'BAD_REQUEST', message: `The ${CALLER_HEADER} header does not parse` };
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
