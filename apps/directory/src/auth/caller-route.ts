import type { DataSource } from 'typeorm';
import { encodeCaller, type InternalRoutes } from '@harbour/graphql-kit';
import { verifyCredential } from './verify-credential';

/** Where the gateway asks who a bearer token belongs to. */
export const CALLER_ROUTE = '/internal/caller';

/** `POST /internal/caller {"token": "..."}` answers 200 `{ caller }` (encoded for the caller header) or 401. */
export function authRoutes(dataSource: DataSource): InternalRoutes {
  return {
    [CALLER_ROUTE]: async (body) => {
      const token = (body as { token?: unknown } | null)?.token;
      if (typeof token !== 'string' || token.length > 512) return { status: 400, body: { error: 'token must be a string' } };
      const caller = await verifyCredential(dataSource, token);
      return caller ? { status: 200, body: { caller: encodeCaller(caller) } } : { status: 401, body: { error: 'unknown or expired token' } };
    },
  };
}
