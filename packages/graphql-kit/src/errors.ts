import { GraphQLError } from 'graphql';

/** Stable error codes clients can rely on, sent as `extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database or a service could not be had just now: try again after `extensions.retryAfter` seconds (HTTP 503, Retry-After). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Too many tries (failed sign-ins): wait `extensions.retryAfter` seconds (HTTP 429 at the gateway's sign-in route). */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** The request ran past its time budget (HARBOUR_REQUEST_BUDGET_MS) and was stopped, its database work cancelled: ask for less. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A GraphQL error whose `extensions.code` is one of {@link ErrorCode}. */
export class HarbourError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Thrown when a record the caller asked for by id does not exist. */
export function notFound(what: string, id: string): HarbourError {
  return new HarbourError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });
}
