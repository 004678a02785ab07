import type { EntityManager } from 'typeorm';
import { scopeCondition, type GrantScope } from '@harbour/graphql-kit';

/**
 * Completed responses per survey from organisations inside `scope`, read from the view the
 * responses subgraph publishes.
 */
export async function completedCountsBySurvey(db: EntityManager, surveyIds: readonly string[], scope: GrantScope): Promise<number[]> {
  const params: unknown[] = [surveyIds];
  const inScope = scopeCondition(scope, { tenant: 'f.tenant_id', organisation: 'f.organisation_id' }, (value) => `$${params.push(value)}`);
  const rows: { survey_id: string; n: string }[] = await db.query(
    `SELECT survey_id, count(*) AS n FROM responses.completed_response_facts f
     WHERE survey_id = ANY($1::uuid[]) AND ${inScope} GROUP BY survey_id`,
    params,
  );
  const counts = new Map(rows.map((row) => [row.survey_id, Number(row.n)]));
  return surveyIds.map((id) => counts.get(id) ?? 0);
}
