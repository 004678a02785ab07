import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { audit, connectionOf, requireScope, PageArgs, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { Response } from '../response/response.entity';
import { completedResponsesBySurvey } from '../response/response.service';
import { SurveyRef } from './survey.ref';

export const ResponseConnection = connectionOf(Response, 'Response');

@Resolver(() => SurveyRef)
export class SurveyResponsesResolver {
  @FieldResolver(() => ResponseConnection, {
    description: 'Completed responses to this survey from organisations the caller manages, newest first.',
  })
  async responses(@Root() survey: SurveyRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HarbourContext): Promise<Page<Response>> {
    const scope = requireScope(ctx, 'manage');
    const found = await ctx.loaders
      .perPage<Page<Response>>('survey.responses', page, (ids) => completedResponsesBySurvey(ctx.db, ids, page, scope))
      .load(survey.id);
    // Row-level data: every read is on the record.
    if (found.nodes.length) {
      await audit(ctx, {
        action: 'responses.read',
        tenantId: found.nodes[0]!.tenantId,
        targetType: 'survey',
        targetId: survey.id,
        details: { responses: found.nodes.length },
      });
    }
    return found;
  }
}
