import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Loaders } from './loaders';

/** The per-request context every subgraph resolver receives. */
export interface HarbourContext {
  /** Correlates logs across the gateway and subgraphs. */
  requestId: string;
  /** Database access for this request. Later issues scope it to the caller's tenants. */
  db: EntityManager;
  /** DataLoaders created for this request only. */
  loaders: Loaders;
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** Builds a context factory for a subgraph's HTTP server. */
export function createContextFactory(dataSource: DataSource): (req: IncomingMessage) => Promise<HarbourContext> {
  return async (req) => {
    const header = req.headers[REQUEST_ID_HEADER];
    return {
      requestId: (Array.isArray(header) ? header[0] : header) || randomUUID(),
      db: dataSource.manager,
      loaders: new Loaders(),
    };
  };
}
