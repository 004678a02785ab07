import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError } from '@harbour/graphql-kit';
import { canonicalJson, checkAnswers, scoreAnswers, tenureBandFloor, type AnswerProblem, type ScoringSpec } from '@harbour/survey-kit';
import { linksReleased } from '../delivery/link-release';
import { openLink } from '../invitation/links';
import { InvitationState, type RespondentAnonymity, type InvitationView } from './respondent.types';
import { addToRollups } from './rollups';
import { versionContent } from './survey-versions';
import { recordActivity } from './campaign-activity';
import { withdrawByInvitation } from './withdrawal.service';

interface InvitationRow {
  id: string;
  /** Its campaign's links were released to admins: someone other than the person invited may hold this one. */
  links_released: boolean;
  tenant_id: string;
  campaign_id: string;
  staff_id: string;
  survey_id: string;
  version_number: number;
  anonymity: 'anonymous' | 'pseudonymous' | 'identified';
  role_id: string;
  organisation_id: string;
  setting_id: string | null;
  cohort: string | null;
  opens_on: string;
  closes_on: string;
  state: InvitationState;
  draft_answers: Record<string, unknown> | null;
  draft_page: number | null;
  draft_saved_at: Date | null;
  submission_key: string | null;
  submission_hash: string | null;
  completed_on: string | null;
  today: string;
  tenure_months: number;
  campaign_name: string;
  campaign_state: string;
  trust_name: string | null;
  contact_email: string | null;
  privacy_notice_url: string | null;
  trust_logo: string | null;
  prefer_not_to_say: boolean;
  title: string;
  form: Record<string, unknown>;
  scoring: ScoringSpec;
}

/** The invitation with its campaign and survey version, and today's date in England; locked for a submission. */
async function invitationOf(db: EntityManager, id: string, lock = false): Promise<InvitationRow> {
  const [row] = (await db.query(
    `SELECT i.id, i.tenant_id, i.campaign_id, i.staff_id, i.survey_id, i.version_number, i.anonymity, i.role_id, i.organisation_id, i.setting_id, i.cohort,
            i.opens_on::text, i.closes_on::text, i.state, i.draft_answers, i.draft_page, i.draft_saved_at, i.submission_key, i.submission_hash, i.completed_on::text,
            t.today::text, (extract(year FROM age(t.today, i.started_on)) * 12 + extract(month FROM age(t.today, i.started_on)))::int AS tenure_months,
            c.name AS campaign_name, c.state AS campaign_state, c.prefer_not_to_say, v.title, ${linksReleased('i.campaign_id')} AS links_released,
            r.name AS trust_name, r.contact_email, r.privacy_notice_url, r.logo AS trust_logo
     FROM responses.invitation i
     CROSS JOIN (SELECT (now() AT TIME ZONE 'Europe/London')::date AS today) t
     JOIN forms.delivery_campaign c ON c.campaign_id = i.campaign_id
     JOIN forms.delivery_survey_version v ON v.survey_id = i.survey_id AND v.version_number = i.version_number
     LEFT JOIN directory.respondent_trust r ON r.tenant_id = i.tenant_id
     WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
    [id],
  )) as InvitationRow[];
  if (!row) throw new HarbourError(ErrorCode.NOT_FOUND, 'This link is not known: check that all of it was copied, or ask for a new one', { reason: 'LINK_UNKNOWN' });
  return Object.assign(row, await versionContent(db, row.survey_id, row.version_number));
}

const isOpen = (row: InvitationRow) =>
  row.campaign_state === 'open' && row.opens_on <= row.today && row.today <= row.closes_on && (row.state === InvitationState.INVITED || row.state === InvitationState.STARTED);

function viewOf(row: InvitationRow): InvitationView {
  const submitted = row.state === InvitationState.COMPLETED || row.state === InvitationState.WITHDRAWN;
  return {
    campaignName: row.campaign_name,
    surveyTitle: row.title,
    trustName: row.trust_name ?? '',
    contactEmail: row.contact_email,
    privacyNoticeUrl: row.privacy_notice_url,
    trustLogo: row.trust_logo,
    anonymity: row.anonymity as RespondentAnonymity,
    preferNotToSay: row.prefer_not_to_say,
    form: row.form,
    state: row.state,
    answers: submitted ? null : row.draft_answers,
    pageNo: submitted ? null : row.draft_page,
    savedAt: submitted ? null : row.draft_saved_at,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    open: isOpen(row),
    // An anonymous campaign's link says that it was answered, never when.
    completedOn: row.anonymity === 'anonymous' ? null : row.completed_on,
  };
}

/** That a link's survey was submitted, with the day only where the campaign is not anonymous. */
const alreadySubmitted = (row: InvitationRow, after = '') =>
  new HarbourError(ErrorCode.FORBIDDEN, `This survey was already submitted${row.anonymity === 'anonymous' || !row.completed_on ? '' : `, on ${row.completed_on}`}${after}`, {
    reason: 'ALREADY_SUBMITTED',
  });

/** Why answers cannot be taken now, politely; null when they can. */
function closedProblem(row: InvitationRow): HarbourError | null {
  if (row.state === InvitationState.WITHDRAWN) return new HarbourError(ErrorCode.FORBIDDEN, 'These answers were withdrawn: this link takes no more', { reason: 'WITHDRAWN' });
  if (row.campaign_state === 'closed' || row.today > row.closes_on) {
    return new HarbourError(ErrorCode.FORBIDDEN, `This survey closed on ${row.closes_on}: thank you all the same`, { reason: 'CLOSED' });
  }
  if (row.campaign_state !== 'open' || row.today < row.opens_on) return new HarbourError(ErrorCode.FORBIDDEN, `This survey opens on ${row.opens_on}`, { reason: 'NOT_OPEN' });
  return null;
}

function refuse(problems: AnswerProblem[]): never {
  throw new HarbourError(ErrorCode.BAD_USER_INPUT, problems.map((p) => p.message).join('; '), { problems });
}

/** The invitation a link opens, as the respondent sees it. */
export async function invitationByLink(db: EntityManager, token: string): Promise<InvitationView> {
  const link = await openLink(db, token);
  return viewOf(await invitationOf(db, link.invitationId));
}

/** Saves a draft: answers so far (each allowed by its question) and the page; the earlier draft is kept when they are not. */
export async function saveDraft(db: EntityManager, token: string, answers: Record<string, unknown>, pageNo: number): Promise<InvitationView> {
  const link = await openLink(db, token);
  const row = await invitationOf(db, link.invitationId, true);
  if (row.state === InvitationState.COMPLETED) throw alreadySubmitted(row);
  const closed = closedProblem(row);
  if (closed) throw closed;
  // A draft may leave required questions for later; every value in it must still be allowed.
  const problems = checkAnswers(row.form, answers, { preferNotToSay: row.prefer_not_to_say }).filter((p) => !p.message.endsWith('needs an answer'));
  if (problems.length) refuse(problems);
  if (!Number.isInteger(pageNo) || pageNo < 0 || pageNo > 500) refuse([{ question: '', message: 'The page number is from 0 to 500' }]);
  await db.query(`UPDATE responses.invitation SET draft_answers = $2, draft_page = $3, draft_saved_at = now(), state = 'started' WHERE id = $1`, [row.id, answers, pageNo]);
  return viewOf(await invitationOf(db, row.id));
}

const answersHash = (answers: Record<string, unknown>) => createHash('sha256').update(canonicalJson(answers)).digest('hex');

/** Tenants' pseudonym keys, which never change once made: read once per process. */
const pseudonymKeys = new Map<string, Buffer>();

/** A person's pseudonym in a tenant: HMAC-SHA256 of their staff id under the tenant's key. */
export function pseudonymOf(key: Buffer, staffId: string): string {
  return createHmac('sha256', key).update(staffId).digest('hex');
}

/** The tenant's key for pseudonyms, made on first use. */
export async function pseudonymKey(db: EntityManager, tenantId: string): Promise<Buffer> {
  const known = pseudonymKeys.get(tenantId);
  if (known) return known;
  await db.query(`INSERT INTO responses.pseudonym_key (tenant_id, key) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId, randomBytes(32)]);
  const [row] = (await db.query(`SELECT key FROM responses.pseudonym_key WHERE tenant_id = $1`, [tenantId])) as { key: Buffer }[];
  pseudonymKeys.set(tenantId, row!.key);
  return row!.key;
}

export interface Submitted {
  invitation: InvitationView;
  /** True when this was a retry of a submission already stored. */
  repeated: boolean;
}

/**
 * Submits the answers once. With the invitation row locked: a retry with the same key and
 * answers returns the stored result; the same key with other answers, or another submission
 * after one is stored, is refused. Then the answers are checked against the survey version,
 * and the response (answers as given, construct scores), the rollups and the invitation's
 * new state are written together, as the campaign's promise allows.
 */
export async function submit(db: EntityManager, token: string, answers: Record<string, unknown>, key: string): Promise<Submitted> {
  const link = await openLink(db, token);
  const row = await invitationOf(db, link.invitationId, true);
  const hash = answersHash(answers);
  const anonymous = row.anonymity === 'anonymous';
  if (row.state === InvitationState.COMPLETED) {
    // An anonymous invitation keeps no hash of the answers (it would find its response), so its key alone makes a retry.
    if (row.submission_key === key && (anonymous || row.submission_hash === hash)) return { invitation: viewOf(row), repeated: true };
    if (row.submission_key === key) throw new HarbourError(ErrorCode.BAD_USER_INPUT, 'This idempotency key was already used with other answers', { reason: 'KEY_REUSED' });
    throw alreadySubmitted(row, ': thank you');
  }
  const closed = closedProblem(row);
  if (closed) throw closed;
  const problems = checkAnswers(row.form, answers, { preferNotToSay: row.prefer_not_to_say });
  if (problems.length) refuse(problems);

  const scores = scoreAnswers(row.scoring, answers);
  const responseId = randomUUID();
  const pseudonym = row.anonymity === 'pseudonymous' ? pseudonymOf(await pseudonymKey(db, row.tenant_id), row.staff_id) : null;
  // An anonymous response keeps its tenure band only: exact months and the day would give the start month on the invitation.
  const tenureMonths = anonymous ? tenureBandFloor(Math.max(0, row.tenure_months)) : Math.max(0, row.tenure_months);
  // An anonymous response keeps the day only, and nothing that leads to the invitation or person.
  await db.query(
    `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, answers, started_at, submitted_at,
                                     campaign_id, version_number, anonymity, invitation_id, staff_id, pseudonym, setting_id, cohort, tenure_months, scores, via_released_link)
     VALUES ($1, $2, $3, $4, $5, 'completed', $6, CASE WHEN $7 THEN $8::date::timestamptz ELSE now() END, CASE WHEN $7 THEN $8::date::timestamptz ELSE now() END,
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      responseId,
      row.tenant_id,
      row.survey_id,
      row.role_id,
      row.organisation_id,
      answers,
      anonymous,
      row.today,
      row.campaign_id,
      row.version_number,
      row.anonymity,
      anonymous ? null : row.id,
      row.anonymity === 'identified' ? row.staff_id : null,
      pseudonym,
      row.setting_id,
      row.cohort,
      tenureMonths,
      JSON.stringify(scores),
      row.links_released,
    ],
  );
  await addToRollups(db, {
    tenantId: row.tenant_id,
    campaignId: row.campaign_id,
    surveyId: row.survey_id,
    submittedOn: row.today,
    organisationId: row.organisation_id,
    roleId: row.role_id,
    settingId: row.setting_id,
    cohort: row.cohort,
    tenureMonths,
    form: row.form,
    scoring: row.scoring,
    answers,
    scores,
    viaReleasedLink: row.links_released,
  });
  await recordActivity(db, 'submitted', [{ tenantId: row.tenant_id, campaignId: row.campaign_id, viaReleasedLink: row.links_released }]);
  // An anonymous campaign's invitation keeps no day and no hash of the answers either: either would pair it with its response.
  // Nor, once the delivery clock has rewritten it (restampAnonymousCompletions), the id of this transaction.
  await db.query(
    `UPDATE responses.invitation SET state = 'completed', completed_on = $2, submission_key = $3, submission_hash = $4, response_id = $5,
            draft_answers = NULL, draft_page = NULL, draft_saved_at = NULL, restamped = NOT $6
     WHERE id = $1`,
    [row.id, anonymous ? null : row.today, key, anonymous ? null : hash, anonymous ? null : responseId, anonymous],
  );
  return { invitation: viewOf({ ...row, state: InvitationState.COMPLETED, completed_on: anonymous ? null : row.today, draft_answers: null, draft_page: null, draft_saved_at: null }), repeated: false };
}

/** Withdraws what a link submitted (pseudonymous or identified only); the invitation becomes WITHDRAWN. */
export async function withdraw(db: EntityManager, token: string): Promise<{ invitation: InvitationView }> {
  const link = await openLink(db, token);
  await withdrawByInvitation(db, link.invitationId);
  return { invitation: viewOf(await invitationOf(db, link.invitationId)) };
}
