import type { HarbourContext } from '@harbour/graphql-kit';
import { readableSurvey } from './survey.access';
import type { Survey } from './survey.entity';

/** Resolves `Survey` references from other subgraphs, batched per request, with the same grant check as a query. */
export function resolveSurveyReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Survey | null> {
  return readableSurvey(ctx, String(reference.id));
}
