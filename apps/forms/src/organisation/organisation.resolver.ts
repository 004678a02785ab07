import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { authorise, connectionOf, PageArgs, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { Survey } from '../survey/survey.entity';
import { organisationSurveysLoader } from '../survey/survey.loaders';
import { OrganisationRef } from './organisation.ref';

export const SurveyConnection = connectionOf(Survey, 'Survey');

@Resolver(() => OrganisationRef)
export class OrganisationSurveysResolver {
  @FieldResolver(() => SurveyConnection, { description: 'Surveys this organisation owns, by title, a page at a time.' })
  async surveys(@Root() organisation: OrganisationRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HarbourContext): Promise<Page<Survey>> {
    await authorise(ctx, 'read_reports', { organisationId: organisation.id });
    return organisationSurveysLoader(ctx, page).load(organisation.id);
  }
}
