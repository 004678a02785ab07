import { byKey, type HarbourContext, type Page } from '@harbour/graphql-kit';
import type { Survey } from './survey.entity';
import { surveysByIds, surveysOfOrganisations } from './survey.service';

export function surveyLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Survey | null>('survey', async (ids) => byKey(ids, await surveysByIds(ctx.db, ids), (s) => s.id, null));
}

/** One loader per distinct page request: every organisation asking for the same page shares a query. */
export function organisationSurveysLoader(ctx: HarbourContext, page: { first: number; after?: string | null }) {
  return ctx.loaders.get<string, Page<Survey>>(`organisation.surveys:${page.first}:${page.after ?? ''}`, (ids) =>
    surveysOfOrganisations(ctx.db, ids, page),
  );
}
