import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound, parseId, type HarbourContext } from '@harbour/graphql-kit';
import { OrganisationRef } from '../organisation/organisation.ref';
import { Survey } from './survey.entity';
import { readableSurvey } from './survey.access';

@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => Survey, { description: 'One survey by id; NOT_FOUND when there is none (or it is in a tenant the caller has no grant in).' })
  async survey(@Arg('id', () => ID, { description: 'The survey\'s id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Survey> {
    const found = await readableSurvey(ctx, parseId('id', id));
    if (!found) throw notFound('Survey', id);
    return found;
  }

  @FieldResolver(() => OrganisationRef, { description: 'The organisation that owns this survey.' })
  organisation(@Root() survey: Survey): OrganisationRef {
    return { id: survey.organisationId };
  }
}
