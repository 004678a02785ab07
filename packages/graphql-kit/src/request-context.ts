import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { decodeCaller, CALLER_HEADER } from './auth/caller';
import { clientOf, requestIdOf, type HarbourContext } from './context';
import { ErrorCode, HarbourError } from './errors';
import { Loaders } from './loaders';
import { openRequestScope, type RequestScope } from './request-scope';

const scopes = new WeakMap<HarbourContext, RequestScope>();

/**
 * A request's context: the verified caller and a transaction scoped to the caller's tenants.
 * When `signal` aborts (the time budget ran out, or the client went), the transaction's work
 * is cancelled with the signal's reason.
 */
export async function createRequestContext(dataSource: DataSource, req: IncomingMessage, signal?: AbortSignal): Promise<HarbourContext> {
  const caller = decodeCaller(headerValue(req.headers[CALLER_HEADER]));
  if (!caller) throw new HarbourError(ErrorCode.UNAUTHENTICATED, 'The caller header does not parse');
  // Lazy: the connection is taken at the first statement, so a request that waits first (a
  // sign-in checking a password) holds none; one that cannot get one fails that statement as
  // SERVICE_UNAVAILABLE (maskUnexpectedError).
  const scope = await openRequestScope(dataSource, caller, { lazy: true });
  const context: HarbourContext = {
    requestId: requestIdOf(req),
    caller,
    client: clientOf(req),
    db: scope.db,
    loaders: new Loaders(),
    outcome: { failed: false },
  };
  scopes.set(context, scope);
  if (signal?.aborted) scope.cancel(signal.reason as Error);
  else signal?.addEventListener('abort', () => scope.cancel(signal.reason as Error), { once: true });
  return context;
}

/** Ends the request's transaction: commits unless an error was met. */
export async function settleRequestContext(context: HarbourContext): Promise<void> {
  await scopes.get(context)?.finish(!context.outcome.failed);
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
