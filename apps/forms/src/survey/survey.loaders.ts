import { byKey, type HarbourContext, type Page } from '@harbour/graphql-kit';
import type { Survey } from './survey.entity';
import { surveysByIds, surveysOfOrganisations } from './survey.service';

export function surveyLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Survey | null>('survey', async (ids) => byKey(ids, await surveysByIds(ctx.db, ids), (s) => s.id, null));
}

export function organisationSurveysLoader(ctx: HarbourContext, page: { first: number; after?: string | null }) {
  return ctx.loaders.perPage<Page<Survey>>('organisation.surveys', page, (ids) => surveysOfOrganisations(ctx.db, ids, page));
}
