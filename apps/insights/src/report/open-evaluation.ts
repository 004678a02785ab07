import { authorise, ErrorCode, HarbourError, parseId, placementLoader, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import type { RoleEvaluationFilter } from './report.types';
import { prepareEvaluation, type Evaluation } from './role-evaluation.service';

/**
 * A role evaluation the caller may have: reports readable, the organisation (if any) theirs;
 * the filter checked and the cells current. For the resolver and the downloads alike.
 */
export async function openEvaluation(ctx: HarbourContext, filter: RoleEvaluationFilter): Promise<Evaluation> {
  const scope = requireScope(ctx, 'read_reports');
  let organisationId: string | undefined;
  if (filter.organisationId) {
    organisationId = parseId('organisationId', filter.organisationId);
    const placement = await placementLoader(ctx).load(organisationId);
    if (!placement) throw new HarbourError(ErrorCode.NOT_FOUND, `organisationId: no organisation ${organisationId} that you may report on`, { argument: 'organisationId' });
    await authorise(ctx, 'read_reports', { organisationId, tenantId: placement.tenantId });
  }
  return prepareEvaluation(ctx.db, scope, filter, organisationId);
}
