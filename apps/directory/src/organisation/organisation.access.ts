import { authorise, type HarbourContext } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { organisationLoader } from './organisation.loaders';

/**
 * The organisation if this request can see it, after checking the caller's grant covers it:
 * null when row-level security hides it, FORBIDDEN when it is visible but outside the grants.
 */
export async function readableOrganisation(ctx: HarbourContext, id: string): Promise<Organisation | null> {
  const found = await organisationLoader(ctx).load(id);
  if (found) await authorise(ctx, 'read_directory', { organisationId: found.id, tenantId: found.tenantId });
  return found;
}
