import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HarbourContext } from '@harbour/graphql-kit';
import { Survey } from '../survey/survey.entity';
import { organisationSurveysLoader } from '../survey/survey.loaders';
import { OrganisationRef } from './organisation.ref';

@Resolver(() => OrganisationRef)
export class OrganisationSurveysResolver {
  @FieldResolver(() => [Survey], { description: 'Surveys this organisation owns, by title.' })
  surveys(@Root() organisation: OrganisationRef, @Ctx() ctx: HarbourContext): Promise<Survey[]> {
    return organisationSurveysLoader(ctx).load(organisation.id);
  }
}
