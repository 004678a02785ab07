import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { completedCountsBySurvey } from './survey-stats.service';
import { SurveyRef } from './survey.ref';

@Resolver(() => SurveyRef)
export class SurveyStatsResolver {
  @FieldResolver(() => Int, { description: 'Completed responses to this survey from organisations the caller may report on, counted as reports count them: only groups large enough to report (so 0, or at least the minimum group).' })
  responseCount(@Root() survey: SurveyRef, @Ctx() ctx: HarbourContext): Promise<number> {
    const scope = requireScope(ctx, 'read_reports');
    return ctx.loaders.get<string, number>('survey.responseCount', (ids) => completedCountsBySurvey(ctx.db, ids, scope)).load(survey.id);
  }
}
