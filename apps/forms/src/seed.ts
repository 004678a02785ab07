import type { EntityManager } from 'typeorm';
import type { DemoData } from '@harbour/demo';

/** Writes the demo's surveys; rows already there are left as they are. */
export async function seedForms(db: EntityManager, demo: DemoData): Promise<void> {
  for (const s of demo.surveys) {
    await db.query(
      `INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [s.id, s.tenantId, s.organisationId, s.title, s.status],
    );
  }
}
