import { authorise, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import type { Survey } from './survey.entity';
import { surveyLoader } from './survey.loaders';

/**
 * The survey if this request can see it, after checking the caller may read its owner's
 * reports: null when row-level security hides it, FORBIDDEN when outside the grants.
 */
export async function readableSurvey(ctx: HarbourContext, id: string): Promise<Survey | null> {
  // No grant of the kind at all: refused before looking (so a caller never learns what exists).
  requireScope(ctx, 'read_reports');
  const found = await surveyLoader(ctx).load(id);
  if (found) await authorise(ctx, 'read_reports', { organisationId: found.organisationId, tenantId: found.tenantId });
  return found;
}
