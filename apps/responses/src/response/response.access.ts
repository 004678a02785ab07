import { authorise, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import type { Response } from './response.entity';
import { responseLoader } from './response.loaders';

/**
 * The response if this request can see it, after checking the caller manages the
 * respondent's organisation: null when row-level security hides it, FORBIDDEN when outside the grants.
 */
export async function readableResponse(ctx: HarbourContext, id: string): Promise<Response | null> {
  // No grant of the kind at all: refused before looking (so a caller never learns what exists).
  requireScope(ctx, 'manage');
  const found = await responseLoader(ctx).load(id);
  if (found) await authorise(ctx, 'manage', { organisationId: found.organisationId, tenantId: found.tenantId });
  return found;
}
