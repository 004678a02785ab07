import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { HistoryInvitation } from '@harbour/demo';
import { scoreAnswers, tenureBandFloor, type ScoringSpec } from '@harbour/survey-kit';
import { pseudonymKey, pseudonymOf } from './respondent.service';
import { bumpVersion, RollupBatch } from './rollups';

/** A campaign's past round as an import brings it: who was asked, as they were then, and what they answered. */
export interface ImportedInvitation {
  staffId: string;
  organisationId: string;
  roleId: string;
  settingId: string | null;
  cohort: string | null;
  startedOn: string;
  round: number;
  opensOn: string;
  closesOn: string;
  /** The day they answered, YYYY-MM-DD; ignored when they did not. */
  submittedOn: string;
  tenureMonths: number;
  /** Null when they did not answer. */
  answers: Record<string, unknown> | null;
}

/** A synthetic history's invitation (the demo's, the benchmark's), as an import takes it: each round open three weeks. */
export function fromHistory(i: HistoryInvitation): ImportedInvitation {
  return {
    staffId: i.staff.id,
    organisationId: i.staff.organisationId,
    roleId: i.staff.roleId,
    settingId: i.staff.settingId,
    cohort: i.staff.cohort,
    startedOn: i.staff.startedOn,
    round: i.round,
    opensOn: i.opensOn,
    closesOn: new Date(Date.parse(i.opensOn) + 20 * 86_400_000).toISOString().slice(0, 10),
    submittedOn: i.submittedOn,
    tenureMonths: i.tenureMonths,
    answers: i.answers,
  };
}

export interface ImportTarget {
  tenantId: string;
  campaignId: string;
  surveyId: string;
  versionNumber: number;
  anonymity: 'anonymous' | 'pseudonymous' | 'identified';
  form: unknown;
  scoring: ScoringSpec;
}

/**
 * Writes past rounds of a campaign in bulk (the demo's history, the benchmark's million):
 * invitations, responses and rollups exactly as one submission at a time would, but a batch
 * per statement, with the rollups summed in memory first. Invitations already there are kept
 * as they are, and so is everything written for them. `progress` hears how many invitations
 * and responses are written so far.
 */
export async function importResponses(
  db: EntityManager,
  target: ImportTarget,
  invitations: Iterable<ImportedInvitation>,
  options: { batch?: number; progress?: (invitations: number, responses: number) => void } = {},
): Promise<{ invitations: number; responses: number }> {
  const batchSize = options.batch ?? 2000;
  const key = target.anonymity === 'pseudonymous' ? await pseudonymKey(db, target.tenantId) : null;
  const rollups = new RollupBatch(target);
  let batch: ImportedInvitation[] = [];
  let done = 0;
  let answered = 0;

  const flush = async () => {
    if (!batch.length) return;
    const ids = batch.map(() => randomUUID());
    const responseIds = batch.map((i) => (i.answers ? randomUUID() : null));
    const anonymous = target.anonymity === 'anonymous';
    const kept = (await db.query(
      `INSERT INTO responses.invitation (id, tenant_id, campaign_id, round, staff_id, survey_id, version_number, anonymity, role_id, organisation_id, setting_id, cohort,
                                         started_on, opens_on, closes_on, state, completed_on, response_id, created_on)
       SELECT i.id, $1, $2, i.round, i.staff_id, $3, $4, $5, i.role_id, i.organisation_id, i.setting_id, i.cohort, i.started_on, i.opens_on, i.closes_on,
              CASE WHEN i.completed_on IS NULL THEN 'invited' ELSE 'completed' END, CASE WHEN $6 THEN NULL ELSE i.completed_on END, CASE WHEN $6 THEN NULL ELSE i.response_id END, i.opens_on
       FROM unnest($7::uuid[], $8::int[], $9::uuid[], $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::date[], $15::date[], $16::date[], $17::date[], $18::uuid[])
         AS i(id, round, staff_id, role_id, organisation_id, setting_id, cohort, started_on, opens_on, closes_on, completed_on, response_id)
       ON CONFLICT (campaign_id, round, staff_id) DO NOTHING
       RETURNING id`,
      [
        target.tenantId,
        target.campaignId,
        target.surveyId,
        target.versionNumber,
        target.anonymity,
        anonymous,
        ids,
        batch.map((i) => i.round),
        batch.map((i) => i.staffId),
        batch.map((i) => i.roleId),
        batch.map((i) => i.organisationId),
        batch.map((i) => i.settingId),
        batch.map((i) => i.cohort),
        batch.map((i) => i.startedOn),
        batch.map((i) => i.opensOn),
        batch.map((i) => i.closesOn),
        batch.map((i) => (i.answers ? i.submittedOn : null)),
        responseIds,
      ],
    )) as { id: string }[];
    const keptIds = new Set(kept.map((k) => k.id));
    const rows = batch.flatMap((invitation, index) => (invitation.answers && keptIds.has(ids[index]!) ? [{ invitation, id: ids[index]!, responseId: responseIds[index]! }] : []));
    const scored = rows.map((row) => ({ ...row, answers: row.invitation.answers!, scores: scoreAnswers(target.scoring, row.invitation.answers!) }));
    await db.query(
      `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, answers, started_at, submitted_at,
                                       campaign_id, version_number, anonymity, invitation_id, staff_id, pseudonym, setting_id, cohort, tenure_months, scores)
       SELECT r.id, $1, $2, r.role_id, r.organisation_id, 'completed', r.answers, r.submitted_on::timestamptz, r.submitted_on::timestamptz,
              $3, $4, $5, r.invitation_id, r.staff_id, r.pseudonym, r.setting_id, r.cohort, r.tenure_months, r.scores
       FROM unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::jsonb[], $10::date[], $11::uuid[], $12::uuid[], $13::text[], $14::uuid[], $15::text[], $16::int[], $17::jsonb[])
         AS r(id, role_id, organisation_id, answers, submitted_on, invitation_id, staff_id, pseudonym, setting_id, cohort, tenure_months, scores)`,
      [
        target.tenantId,
        target.surveyId,
        target.campaignId,
        target.versionNumber,
        target.anonymity,
        scored.map((r) => r.responseId),
        scored.map((r) => r.invitation.roleId),
        scored.map((r) => r.invitation.organisationId),
        scored.map((r) => JSON.stringify(r.answers)),
        scored.map((r) => r.invitation.submittedOn),
        scored.map((r) => (target.anonymity === 'anonymous' ? null : r.id)),
        scored.map((r) => (target.anonymity === 'identified' ? r.invitation.staffId : null)),
        scored.map((r) => (key ? pseudonymOf(key, r.invitation.staffId) : null)),
        scored.map((r) => r.invitation.settingId),
        scored.map((r) => r.invitation.cohort),
        scored.map((r) => (target.anonymity === 'anonymous' ? tenureBandFloor(r.invitation.tenureMonths) : r.invitation.tenureMonths)),
        scored.map((r) => JSON.stringify(r.scores)),
      ],
    );
    for (const r of scored) rollups.add({ ...r.invitation, form: target.form, scoring: target.scoring, answers: r.answers, scores: r.scores });
    // Held sums stay bounded however large the import: written (added) as they grow.
    if (rollups.size > 200_000) await rollups.write(db, batchSize);
    done += batch.length;
    answered += scored.length;
    batch = [];
    options.progress?.(done, answered);
  };

  for (const invitation of invitations) {
    batch.push(invitation);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  await rollups.write(db, batchSize);
  // One change for the whole import: its rollups and its invitations.
  if (done) await bumpVersion(db, target.tenantId);
  return { invitations: done, responses: answered };
}
