import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import type { SubgraphName } from '@harbour/config';
import { withoutEchoedInput, CALLER_HEADER, CLIENT_HEADER, describeClient, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER, requestIdOf, serveGraphQL, type RunningHttpServer } from '@harbour/graphql-kit';
import { callerAuth, isRefusal, type VerifiedCaller } from './auth/caller-auth';
import { apolloLimitsPlugin } from './limits/limits-plugins';
import { unavailablePlugin } from './limits/unavailable-plugin';
import { SubgraphSource } from './subgraph-source';
import type { GatewayOptions } from './gateway-options';

interface GatewayContext extends BaseContext {
  requestId: string;
  /** This request's own key to its abort signal (client-chosen request ids may repeat). */
  hop: string;
  /** The caller header, verified before GraphQL ran. */
  caller: string;
  harbourSignedIn: boolean;
  client: string;
}

/** Carries, on each subgraph call, the key to its request's abort signal (meaningless to subgraphs). */
const HOP_HEADER = 'x-harbour-hop';
/** The signal of a request whose client went before it was asked anything. */
const GONE = AbortSignal.abort(new Error('The client went before the answer was sent'));

/**
 * Apollo Gateway in Apollo Server over the supergraph file, tuned: Node's own HTTP server,
 * keep-alive to subgraphs through Node's fetch, no tracing, cache hints or usage reporting.
 */
export async function startApolloGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const abortSignals = new Map<string, AbortSignal>();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(options.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new SubgraphSource<GatewayContext>(name, {
        url: options.subgraphUrls[name as SubgraphName] ?? url,
        // Node's fetch (undici) keeps connections to subgraphs alive between requests; a client
        // that goes aborts its request's subgraph calls, which cancels their database work.
        fetcher: ((url: string, init: RequestInit & { headers?: Record<string, string> }) =>
          fetch(url, { ...init, signal: abortSignals.get(init.headers?.[HOP_HEADER] ?? '') ?? GONE })) as unknown as SubgraphSource<GatewayContext>['fetcher'],
        willSendRequest({ request, context }) {
          request.http?.headers.set(HOP_HEADER, context.hop);
          request.http?.headers.set(GATEWAY_SECRET_HEADER, options.gatewaySecret);
          request.http?.headers.set(CALLER_HEADER, context.caller);
          request.http?.headers.set(CLIENT_HEADER, context.client);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // No error quotes back what was sent (a password in a variable, say), and none runs long.
    formatError: (formatted) => ({ ...formatted, message: withoutEchoedInput(formatted.message) }),
    // Per-request work Harbour does not use: cache hints and usage reporting.
    allowBatchedHttpRequests: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      apolloLimitsPlugin<GatewayContext>({ limits: options.limits, production: options.production }),
      unavailablePlugin<GatewayContext>(),
    ],
  });
  const verify = callerAuth({ directoryUrl: options.subgraphUrls.directory, gatewaySecret: options.gatewaySecret });
  const callers = new WeakMap<IncomingMessage, VerifiedCaller>();
  return serveGraphQL({
    server,
    host: options.host,
    port: options.port,
    fallback: options.fallback,
    intercept: options.intercept,
    refuse: async (req) => {
      const verified = await verify(req);
      if (isRefusal(verified)) return verified;
      callers.set(req, verified);
      return null;
    },
    maxBatch: options.limits.maxBatch,
    maxBodyBytes: options.maxBodyBytes,
    context: async (req, signal, res) => {
      const verified = callers.get(req)!;
      const hop = randomUUID();
      // Gone already (while it was being verified): nothing to keep; its subgraph calls abort at once.
      if (!signal.aborted) {
        abortSignals.set(hop, signal);
        res.once('close', () => abortSignals.delete(hop));
      }
      return { requestId: requestIdOf(req), hop, caller: verified.header, harbourSignedIn: verified.signedIn, client: describeClient(req) };
    },
  });
}
