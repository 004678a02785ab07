import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { audit, notFound, parseId, type HarbourContext } from '@harbour/graphql-kit';
import { SurveyRef } from '../survey/survey.ref';
import { Response } from './response.entity';
import { readableResponse } from './response.access';

@Resolver(() => Response)
export class ResponseResolver {
  @Query(() => Response, { description: 'One response by id; NOT_FOUND when there is none (or it is in a tenant the caller has no grant in).' })
  async response(@Arg('id', () => ID, { description: 'The response\'s id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Response> {
    const found = await readableResponse(ctx, parseId('id', id));
    if (!found) throw notFound('Response', id);
    await audit(ctx, { action: 'responses.read', tenantId: found.tenantId, organisationId: found.organisationId, targetType: 'response', targetId: found.id });
    return found;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The day it was submitted (YYYY-MM-DD, UTC); coarse on purpose. Null for a draft.',
  })
  submittedOn(@Root() response: Response): string | null {
    return response.submittedAt ? response.submittedAt.toISOString().slice(0, 10) : null;
  }

  @FieldResolver(() => SurveyRef, { description: 'The survey this answers.' })
  survey(@Root() response: Response): SurveyRef {
    return { id: response.surveyId };
  }
}
