import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DemoData } from '@harbour/demo';
import { contentHash, INSTRUMENTS } from '@harbour/survey-kit';

/** Writes the demo's surveys, each drafted from an instrument, with version 1 for the published ones; rows already there are left as they are. */
export async function seedForms(db: EntityManager, demo: DemoData): Promise<void> {
  for (const s of demo.surveys) {
    const instrument = INSTRUMENTS.find((i) => i.code === s.instrumentCode)!;
    const inserted: unknown[] = await db.query(
      `INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status, instrument_code, instrument_version, draft, draft_scoring)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [s.id, s.tenantId, s.organisationId, s.title, s.status, instrument.code, instrument.version, instrument.json, instrument.scoring],
    );
    if (inserted.length && s.status === 'published') {
      await db.query(
        `INSERT INTO forms.survey_version (id, tenant_id, survey_id, number, json, scoring, content_hash) VALUES ($1, $2, $3, 1, $4, $5, $6)`,
        [randomUUID(), s.tenantId, s.id, instrument.json, instrument.scoring, contentHash(instrument.json, instrument.scoring)],
      );
    }
  }
  // An open campaign, a week in and two months to go on the day the demo is seeded, offering "Prefer not to say".
  await db.query(
    `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, state, prefer_not_to_say)
     VALUES ($1, $2::uuid, $2::uuid, $3, 1, $4, jsonb_build_object('organisationId', $2::text, 'roleIds', '[]'::jsonb, 'settingIds', '[]'::jsonb),
             jsonb_build_object('kind', 'window', 'opensOn', (current_date - 7)::text, 'closesOn', (current_date + 60)::text), 'open', true)
     ON CONFLICT (id) DO NOTHING`,
    [demo.campaign.id, demo.campaign.tenantId, demo.campaign.surveyId, demo.campaign.name],
  );
  // Each tenant's past quarterly rounds of "Where I belong", closed, for reports.
  for (const h of demo.history) {
    await db.query(
      `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, state)
       VALUES ($1, $2::uuid, $2::uuid, $3, 1, $4, jsonb_build_object('organisationId', $2::text, 'roleIds', '[]'::jsonb, 'settingIds', '[]'::jsonb),
               jsonb_build_object('kind', 'recurring', 'opensOn', $5::text, 'everyWeeks', 13, 'windowDays', 21, 'until', $6::text), 'closed')
       ON CONFLICT (id) DO NOTHING`,
      [h.id, h.tenantId, h.surveyId, h.name, h.rounds[0], h.rounds[h.rounds.length - 1]],
    );
  }
}
