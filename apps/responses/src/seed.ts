import type { EntityManager } from 'typeorm';
import type { DemoData } from '@harbour/demo';

/** Writes the demo's responses; rows already there are left as they are. */
export async function seedResponses(db: EntityManager, demo: DemoData): Promise<void> {
  for (const r of demo.responses) {
    await db.query(
      `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, started_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [r.id, r.tenantId, r.surveyId, r.roleId, r.organisationId, r.submittedAt ? 'completed' : 'draft', r.startedAt, r.submittedAt],
    );
  }
}
