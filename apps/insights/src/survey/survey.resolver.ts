import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { completedCountsBySurvey } from './survey-stats.service';
import { SurveyRef } from './survey.ref';

@Resolver(() => SurveyRef)
export class SurveyStatsResolver {
  @FieldResolver(() => Int, { description: 'How many completed responses this survey has had from organisations the caller may report on.' })
  responseCount(@Root() survey: SurveyRef, @Ctx() ctx: HarbourContext): Promise<number> {
    const scope = requireScope(ctx, 'read_reports');
    return ctx.loaders.get<string, number>('survey.responseCount', (ids) => completedCountsBySurvey(ctx.db, ids, scope)).load(survey.id);
  }
}
