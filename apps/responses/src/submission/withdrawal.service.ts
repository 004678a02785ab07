import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError } from '@harbour/graphql-kit';
import type { ConstructScore, ScoringSpec } from '@harbour/survey-kit';
import { recordActivity } from './campaign-activity';
import { removeFromRollups } from './rollups';

interface StoredResponse {
  id: string;
  tenant_id: string;
  campaign_id: string;
  survey_id: string;
  submitted_on: string;
  organisation_id: string;
  role_id: string;
  setting_id: string | null;
  cohort: string | null;
  tenure_months: number;
  answers: Record<string, unknown>;
  scores: ConstructScore[];
  via_released_link: boolean;
  form: unknown;
  scoring: ScoringSpec;
}

/**
 * Erases responses (by id) and takes each back out of the rollups it was added to, in the
 * caller's transaction; the invitations they answered become WITHDRAWN, and their campaigns'
 * activity counts them as `kind`. Returns how many.
 */
export async function eraseResponses(db: EntityManager, responseIds: string[], kind: 'withdrawn' | 'erased'): Promise<number> {
  if (!responseIds.length) return 0;
  const rows = (await db.query(
    `SELECT r.id, r.tenant_id, r.campaign_id, r.survey_id, (r.submitted_at AT TIME ZONE 'Europe/London')::date::text AS submitted_on,
            r.organisation_id, r.role_id, r.setting_id, r.cohort, r.tenure_months, r.answers, r.scores, r.via_released_link, v.json AS form, v.scoring
     FROM responses.response r
     JOIN forms.delivery_survey_version v ON v.survey_id = r.survey_id AND v.version_number = r.version_number
     WHERE r.id = ANY($1::uuid[]) AND r.campaign_id IS NOT NULL
     FOR UPDATE OF r`,
    [responseIds],
  )) as StoredResponse[];
  for (const r of rows) {
    await removeFromRollups(db, {
      tenantId: r.tenant_id,
      campaignId: r.campaign_id,
      surveyId: r.survey_id,
      submittedOn: r.submitted_on,
      organisationId: r.organisation_id,
      roleId: r.role_id,
      settingId: r.setting_id,
      cohort: r.cohort,
      tenureMonths: r.tenure_months,
      form: r.form,
      scoring: r.scoring,
      answers: r.answers,
      scores: r.scores,
      viaReleasedLink: r.via_released_link,
    });
  }
  await recordActivity(db, kind, rows.map((r) => ({ tenantId: r.tenant_id, campaignId: r.campaign_id, viaReleasedLink: r.via_released_link })));
  const ids = rows.map((r) => r.id);
  await db.query(`UPDATE responses.invitation SET state = 'withdrawn', response_id = NULL, draft_answers = NULL, draft_page = NULL WHERE response_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM responses.response WHERE id = ANY($1::uuid[])`, [ids]);
  return ids.length;
}

/** Withdraws the response an invitation's link submitted. Anonymous answers cannot be: nothing links them to the person. */
export async function withdrawByInvitation(db: EntityManager, invitationId: string): Promise<void> {
  const [row] = (await db.query(`SELECT state, anonymity, response_id FROM responses.invitation WHERE id = $1 FOR UPDATE`, [invitationId])) as {
    state: string;
    anonymity: string;
    response_id: string | null;
  }[];
  if (!row) throw new HarbourError(ErrorCode.NOT_FOUND, 'This link is not known: check that all of it was copied, or ask for a new one', { reason: 'LINK_UNKNOWN' });
  if (row.state === 'withdrawn') throw new HarbourError(ErrorCode.FORBIDDEN, 'These answers were already withdrawn', { reason: 'WITHDRAWN' });
  if (row.state !== 'completed') throw new HarbourError(ErrorCode.FORBIDDEN, 'Nothing has been submitted with this link yet, so there is nothing to withdraw', { reason: 'NOT_SUBMITTED' });
  if (row.anonymity === 'anonymous' || !row.response_id) {
    throw new HarbourError(ErrorCode.FORBIDDEN, 'These answers were anonymous: nothing links them to you, so they cannot be found to withdraw', { reason: 'ANONYMOUS' });
  }
  await eraseResponses(db, [row.response_id], 'withdrawn');
}

/** One person's invitations, locked, with where each was made (for the caller to be checked against). */
export async function invitationsOfPerson(db: EntityManager, staffId: string): Promise<{ id: string; tenant_id: string; organisation_id: string; response_id: string | null }[]> {
  return (await db.query(`SELECT id, tenant_id, organisation_id, response_id FROM responses.invitation WHERE staff_id = $1 FOR UPDATE`, [staffId])) as {
    id: string;
    tenant_id: string;
    organisation_id: string;
    response_id: string | null;
  }[];
}

/**
 * Honours an erasure request for one person: every response linked to them (pseudonymous or
 * identified) is erased and taken out of the rollups; their drafts, messages and links go too,
 * and invitations not yet answered close. Anonymous responses stay: nothing links them to anyone.
 */
export async function erasePerson(db: EntityManager, invitations: { id: string; response_id: string | null }[]): Promise<{ responses: number; invitations: number }> {
  const responses = await eraseResponses(
    db,
    invitations.map((i) => i.response_id).filter((id): id is string => id !== null),
    'erased',
  );
  const ids = invitations.map((i) => i.id);
  await db.query(`DELETE FROM responses.outbox WHERE invitation_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM responses.invitation_link WHERE invitation_id = ANY($1::uuid[])`, [ids]);
  // Not yet answered: no longer open to them. Answered anonymously: stays as it is.
  await db.query(
    `UPDATE responses.invitation SET state = CASE WHEN state IN ('invited', 'started') THEN 'withdrawn' ELSE state END, draft_answers = NULL, draft_page = NULL, draft_saved_at = NULL
     WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return { responses, invitations: ids.length };
}
