import { byKey, groupByKey, type HarbourContext } from '@harbour/graphql-kit';
import type { Survey } from './survey.entity';
import { surveysByIds, surveysOfOrganisations } from './survey.service';

export function surveyLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Survey | null>('survey', async (ids) => byKey(ids, await surveysByIds(ctx.db, ids), (s) => s.id, null));
}

export function organisationSurveysLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Survey[]>('organisation.surveys', async (ids) =>
    groupByKey(ids, await surveysOfOrganisations(ctx.db, ids), (s) => s.organisationId),
  );
}
