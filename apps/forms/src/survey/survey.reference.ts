import type { HarbourContext } from '@harbour/graphql-kit';
import type { Survey } from './survey.entity';
import { surveyLoader } from './survey.loaders';

/** Resolves `Survey` references from other subgraphs, batched per request. */
export function resolveSurveyReference(reference: { id?: unknown }, ctx: HarbourContext): Promise<Survey | null> {
  return surveyLoader(ctx).load(String(reference.id));
}
