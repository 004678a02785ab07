import type { EntityManager } from 'typeorm';
import { DEFAULT_MIN_COMMENTS, DEFAULT_MIN_GROUP_SIZE, ReportingPolicy } from './reporting-policy.entity';

/** Each tenant's policy, or the platform default for tenants without one. */
export async function policiesFor(db: EntityManager, tenantIds: readonly string[]): Promise<ReportingPolicy[]> {
  const rows = await db.getRepository(ReportingPolicy).createQueryBuilder('p').where('p.tenant_id = ANY(:tenantIds)', { tenantIds }).getMany();
  const found = new Map(rows.map((row) => [row.tenantId, row]));
  return tenantIds.map(
    (tenantId) => found.get(tenantId) ?? { tenantId, minGroupSize: DEFAULT_MIN_GROUP_SIZE, minComments: DEFAULT_MIN_COMMENTS },
  );
}
