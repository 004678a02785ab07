import type { HarbourContext } from '@harbour/graphql-kit';
import { readableResponse } from './response.access';
import type { Response } from './response.entity';

/** Resolves `Response` references from other subgraphs, batched per request, with the same grant check as a query. */
export function resolveResponseReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Response | null> {
  return readableResponse(ctx, String(reference.id));
}
