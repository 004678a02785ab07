import type { HarbourContext } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { readableOrganisation } from './organisation.access';

/** Resolves `Organisation` references from other subgraphs, batched per request, with the same grant check as a query. */
export function resolveOrganisationReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Organisation | null> {
  return readableOrganisation(ctx, String(reference.id));
}
