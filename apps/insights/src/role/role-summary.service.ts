import type { EntityManager } from 'typeorm';
import { scopeCondition, type GrantScope } from '@harbour/graphql-kit';
import { DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import type { RoleSummary } from './role-summary';

/**
 * Per role, across the organisations `scope` covers. Below the platform minimum the count is
 * withheld, never rounded or banded: the caller learns only that the group is small.
 */
export async function roleSummaries(db: EntityManager, roleIds: readonly string[], scope: GrantScope): Promise<RoleSummary[]> {
  const params: unknown[] = [roleIds];
  const inScope = scopeCondition(scope, { tenant: 'f.tenant_id', organisation: 'f.organisation_id' }, (value) => `$${params.push(value)}`);
  const rows: { role_id: string; n: string }[] = await db.query(
    `SELECT role_id, count(*) AS n FROM responses.completed_response_facts f
     WHERE role_id = ANY($1::uuid[]) AND ${inScope} GROUP BY role_id`,
    params,
  );
  const counts = new Map(rows.map((row) => [row.role_id, Number(row.n)]));
  return roleIds.map((id) => {
    const n = counts.get(id) ?? 0;
    const suppressed = n < DEFAULT_MIN_GROUP_SIZE;
    return { responseCount: suppressed ? null : n, suppressed, minimumGroupSize: DEFAULT_MIN_GROUP_SIZE };
  });
}
