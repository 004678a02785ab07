import type { EntityManager } from 'typeorm';
import type { GrantScope } from '@harbour/graphql-kit';
import { countsInCells } from '../report/report-query';
import { DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import type { RoleSummary } from './role-summary';

/**
 * Per role, across the organisations `scope` covers, counted as reports count them (whole
 * disclosure cells of that role). Where no group of the role is large enough to report, the
 * count is withheld, never rounded or banded: the caller learns only that the group is small.
 */
export async function roleSummaries(db: EntityManager, roleIds: readonly string[], scope: GrantScope): Promise<RoleSummary[]> {
  // Row-level security keeps this to the caller's tenants.
  const tenants = (await db.query(`SELECT tenant_id FROM responses.report_rollup_version`)) as { tenant_id: string }[];
  const counts = await countsInCells(db, scope, 'role', roleIds, tenants.map((t) => t.tenant_id));
  return counts.map((n) => {
    const suppressed = n < DEFAULT_MIN_GROUP_SIZE;
    return { responseCount: suppressed ? null : n, suppressed, minimumGroupSize: DEFAULT_MIN_GROUP_SIZE };
  });
}
