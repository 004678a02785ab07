import type { EntityManager } from 'typeorm';
import { DEMO_RESPONDENT_TOKEN, type DemoData } from '@harbour/demo';
import type { ScoringSpec } from '@harbour/survey-kit';
import { tokenHash } from './invitation/links';
import { fromHistory, importResponses } from './submission/import-responses';

/** Writes the demo's responses; rows already there are left as they are. */
export async function seedResponses(db: EntityManager, demo: DemoData): Promise<void> {
  for (const r of demo.responses) {
    await db.query(
      `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, started_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [r.id, r.tenantId, r.surveyId, r.roleId, r.organisationId, r.submittedAt ? 'completed' : 'draft', r.startedAt, r.submittedAt],
    );
  }
  // The demo respondent's invitation to the demo campaign, with the public demo link the start prints.
  const invited = (await db.query(
    `INSERT INTO responses.invitation (id, tenant_id, campaign_id, staff_id, survey_id, version_number, anonymity, role_id, organisation_id, setting_id, cohort, started_on, opens_on, closes_on)
     SELECT gen_random_uuid(), s.tenant_id, c.id, s.id, c.survey_id, c.version_number, c.anonymity, s.role_id, s.employing_organisation_id, s.setting_id, s.cohort, s.started_on,
            (c.schedule->>'opensOn')::date, (c.schedule->>'closesOn')::date
     FROM directory.staff s JOIN forms.campaign c ON c.id = $2 WHERE s.id = $1
     ON CONFLICT (campaign_id, round, staff_id) DO NOTHING RETURNING id, tenant_id, closes_on`,
    [demo.respondent.staffId, demo.campaign.id],
  )) as { id: string; tenant_id: string }[];
  for (const invitation of invited) {
    await db.query(
      `INSERT INTO responses.invitation_link (token_hash, tenant_id, invitation_id, expires_at)
       SELECT $1, i.tenant_id, i.id, ((i.closes_on + 1)::timestamp AT TIME ZONE 'Europe/London') FROM responses.invitation i WHERE i.id = $2`,
      [tokenHash(DEMO_RESPONDENT_TOKEN), invitation.id],
    );
  }
  // The past rounds of each tenant's closed campaign: invitations, responses and rollups.
  for (const h of demo.history) {
    const [version] = (await db.query(`SELECT json, scoring FROM forms.delivery_survey_version WHERE survey_id = $1 AND version_number = 1`, [h.surveyId])) as {
      json: unknown;
      scoring: ScoringSpec;
    }[];
    const target = { tenantId: h.tenantId, campaignId: h.id, surveyId: h.surveyId, versionNumber: 1, anonymity: 'pseudonymous' as const, form: version!.json, scoring: version!.scoring };
    await importResponses(db, target, h.invitations.map(fromHistory));
  }
}
