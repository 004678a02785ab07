import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound, parseId, type HarbourContext } from '@harbour/graphql-kit';
import { OrganisationRef } from '../organisation/organisation.ref';
import { Survey } from './survey.entity';
import { surveyLoader } from './survey.loaders';

@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => Survey, { description: 'One survey by id; NOT_FOUND when there is none.' })
  async survey(@Arg('id', () => ID, { description: 'The survey\'s id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Survey> {
    const found = await surveyLoader(ctx).load(parseId('id', id));
    if (!found) throw notFound('Survey', id);
    return found;
  }

  @FieldResolver(() => OrganisationRef, { description: 'The organisation that owns this survey.' })
  organisation(@Root() survey: Survey): OrganisationRef {
    return { id: survey.organisationId };
  }
}
