import { authorise, notFound, parseId, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import type { Organisation } from './organisation.entity';
import { organisationLoader } from './organisation.loaders';

/**
 * The organisation if this request can see it, after checking the caller's grant covers it:
 * null when row-level security hides it, FORBIDDEN when it is visible but outside the grants.
 */
export async function readableOrganisation(ctx: HarbourContext, id: string): Promise<Organisation | null> {
  // No grant of the kind at all: refused before looking (so a caller never learns what exists).
  requireScope(ctx, 'read_directory');
  const found = await organisationLoader(ctx).load(id);
  if (found) await authorise(ctx, 'read_directory', { organisationId: found.id, tenantId: found.tenantId });
  return found;
}

/**
 * The organisation with id `id` (from argument `argument`), after checking the caller may
 * manage it: UNAUTHENTICATED or FORBIDDEN without any managing grant, NOT_FOUND when it is
 * not visible, FORBIDDEN when it is outside the grants.
 */
export async function managedOrganisation(ctx: HarbourContext, argument: string, id: string): Promise<Organisation> {
  requireScope(ctx, 'manage');
  const found = await organisationLoader(ctx).load(parseId(argument, id));
  if (!found) throw notFound('Organisation', id);
  await authorise(ctx, 'manage', { organisationId: found.id, tenantId: found.tenantId });
  return found;
}
