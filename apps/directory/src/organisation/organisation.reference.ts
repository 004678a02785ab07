import type { HarbourContext } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { organisationLoader } from './organisation.loaders';

/** Resolves `Organisation` references from other subgraphs, batched per request. */
export function resolveOrganisationReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Organisation | null> {
  return organisationLoader(ctx).load(String(reference.id));
}
