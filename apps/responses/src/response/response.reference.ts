import type { HarbourContext } from '@harbour/graphql-kit';
import type { Response } from './response.entity';
import { responseLoader } from './response.loaders';

/** Resolves `Response` references from other subgraphs, batched per request. */
export function resolveResponseReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Response | null> {
  return responseLoader(ctx).load(String(reference.id));
}
