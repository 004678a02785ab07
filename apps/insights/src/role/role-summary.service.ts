import type { EntityManager } from 'typeorm';
import { DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import type { RoleSummary } from './role-summary';

/**
 * Per role, across tenants. Below the platform minimum the count is withheld, never
 * rounded or banded: the caller learns only that the group is small.
 */
export async function roleSummaries(db: EntityManager, roleIds: readonly string[]): Promise<RoleSummary[]> {
  const rows: { role_id: string; n: string }[] = await db.query(
    `SELECT role_id, count(*) AS n FROM responses.completed_response_facts
     WHERE role_id = ANY($1::uuid[]) GROUP BY role_id`,
    [roleIds],
  );
  const counts = new Map(rows.map((row) => [row.role_id, Number(row.n)]));
  return roleIds.map((id) => {
    const n = counts.get(id) ?? 0;
    const suppressed = n < DEFAULT_MIN_GROUP_SIZE;
    return { responseCount: suppressed ? null : n, suppressed, minimumGroupSize: DEFAULT_MIN_GROUP_SIZE };
  });
}
