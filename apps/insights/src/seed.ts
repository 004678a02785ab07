import type { EntityManager } from 'typeorm';
import type { DemoData } from '@harbour/demo';

/** Writes the demo tenants' reporting policies; rows already there are left as they are. */
export async function seedInsights(db: EntityManager, demo: DemoData): Promise<void> {
  for (const p of demo.reportingPolicies) {
    await db.query(
      `INSERT INTO insights.reporting_policy (tenant_id, min_group_size, min_comments) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO NOTHING`,
      [p.tenantId, p.minGroupSize, p.minComments],
    );
  }
}
