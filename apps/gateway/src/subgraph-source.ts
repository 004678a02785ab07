import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, RETRY_AFTER_SECONDS } from '@harbour/graphql-kit';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** An error a subgraph sent in its body: its first, as Harbour writes them. */
function firstError(body: unknown): { message: string; code?: string; retryAfter?: unknown } | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown; extensions?: { code?: unknown; retryAfter?: unknown } }) : undefined;
  if (typeof first?.message !== 'string') return undefined;
  return { message: first.message, code: typeof first.extensions?.code === 'string' ? first.extensions.code : undefined, retryAfter: first.extensions?.retryAfter };
}

/** SERVICE_UNAVAILABLE for one subgraph, naming it, never its address. */
export function subgraphUnavailable(service: string, message = `The ${service} service is unavailable just now: try again in a few seconds`): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: RETRY_AFTER_SECONDS, service } });
}

/**
 * The gateway's route to one subgraph. What a subgraph could not answer reaches the client as
 * Harbour's own error: SERVICE_UNAVAILABLE (with `retryAfter`) when the subgraph is busy, down
 * or unreachable, its own refusal when it sent one, and otherwise INTERNAL_SERVER_ERROR naming
 * the service. Never the subgraph's URL, status line or raw body.
 */
export class SubgraphSource<TContext extends BaseContext> extends RemoteGraphQLDataSource<TContext> {
  constructor(
    private readonly service: string,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<TContext>>[0],
  ) {
    super(options);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await this.parseBody(response);
    } catch {
      body = undefined;
    }
    const first = firstError(body);
    if (response.status === 503 || first?.code === ErrorCode.SERVICE_UNAVAILABLE) return subgraphUnavailable(this.service, first?.message);
    if (first?.code && response.status < 500) return new GraphQLError(first.message, { extensions: { code: first.code, service: this.service } });
    return new GraphQLError(`The ${this.service} service failed to answer`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service: this.service } });
  }

  override didEncounterError(error: Error, _request: unknown, response?: unknown): void {
    // No response at all: refused, reset or timed out on the way.
    if (!response) throw subgraphUnavailable(this.service);
    throw error;
  }
}
