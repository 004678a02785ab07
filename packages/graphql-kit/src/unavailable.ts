import { HeaderMap } from '@apollo/server';
import { ErrorCode, HarbourError } from './errors';

/** How long a client is asked to wait before trying again, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;

/** PostgreSQL's codes for a server that is going away, starting, full or unreachable. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
/** TypeORM's errors for a connection that went away under a request. */
const RELEASED = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
/** Node's codes for a connection refused, reset or timed out. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * Whether `error` says the database could not be had just now: the pool's wait ran out
 * (pg-pool: "timeout exceeded when trying to connect"), PostgreSQL refused, went away or is
 * restarting. Such a request may well succeed shortly; nothing else is.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // TypeORM gives up a request's connection when the server drops it; what the request does next says so.
  if (RELEASED.has(error.name)) return true;
  const code = (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || NETWORK_CODES.has(code))) return true;
  return /timeout exceeded when trying to connect|[Cc]onnection terminated|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/.test(error.message);
}

/** SERVICE_UNAVAILABLE, with `retryAfter` in seconds, as HTTP 503 with Retry-After where the error decides the status. */
export function serviceUnavailable(message = 'Harbour is busy just now: try again in a few seconds'): HarbourError {
  return new HarbourError(ErrorCode.SERVICE_UNAVAILABLE, message, {
    retryAfter: RETRY_AFTER_SECONDS,
    http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  });
}

/** Whether a GraphQL error (as formatted or thrown) is SERVICE_UNAVAILABLE. */
export const isServiceUnavailable = (error: { extensions?: { [key: string]: unknown } | null }) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE;
