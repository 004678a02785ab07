import type { IncomingMessage } from 'node:http';
import type { EntityManager } from 'typeorm';
import type { Caller } from './auth/caller';
import type { Loaders } from './loaders';
import { acceptRequestId } from './log';

/** The per-request context every subgraph resolver receives. */
export interface HarbourContext {
  /** Correlates logs across the gateway and subgraphs. */
  requestId: string;
  /** Who is asking, as the gateway verified it. */
  caller: Caller;
  /** The client's address and user agent, as the gateway saw them: for the audit trail. */
  client?: string;
  /** The request's transaction, which sees only the caller's tenants. */
  db: EntityManager;
  /** DataLoaders created for this request only. */
  loaders: Loaders;
  /**
   * Marked failed when the request meets an error: its transaction is then rolled back, not
   * committed. An object, not a flag on the context, because Apollo Server runs operations on
   * a shallow copy of the context: the copy shares this object.
   */
  outcome: { failed: boolean };
}

export const REQUEST_ID_HEADER = 'x-request-id';
/** The header the gateway sets with the client's address and user agent. */
export const CLIENT_HEADER = 'x-harbour-client';

/** The client description the gateway passed on, at most 300 characters. */
export function clientOf(req: IncomingMessage): string | undefined {
  const header = req.headers[CLIENT_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value.slice(0, 300) : undefined;
}

/** How the gateway describes a client: its address and user agent, printable ASCII without braces. */
export function describeClient(req: IncomingMessage): string {
  const agent = req.headers['user-agent'] ?? 'unknown agent';
  return `${req.socket.remoteAddress ?? 'unknown address'} ${agent}`.replace(/[^\x20-\x7a|~]/g, '?').slice(0, 300);
}

/** The request's id, as withRequestLog set it on the request (request-log.ts). */
export function requestIdOf(req: IncomingMessage): string {
  return acceptRequestId(req.headers[REQUEST_ID_HEADER]);
}
