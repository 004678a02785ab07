import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError, LIST_SIZES } from '@harbour/graphql-kit';
import { contentHash, diffForms, INSTRUMENTS, validateSurvey, type Instrument, type QuestionJson, type ScoringSpec, type SurveyProblem, type VersionDiff } from '@harbour/survey-kit';
import { SurveyVersion } from './survey-version.entity';
import { Survey } from './survey.entity';
import { SurveyStatus } from './survey-status';

const BLANK = { pages: [{ name: 'page1', elements: [] }] };
const NO_SCORING: ScoringSpec = { constructs: [] };

export function instrumentOf(survey: Pick<Survey, 'instrumentCode' | 'instrumentVersion'>): Instrument | null {
  return INSTRUMENTS.find((i) => i.code === survey.instrumentCode && i.version === survey.instrumentVersion) ?? null;
}

/** The questions a survey must keep as they are: its instrument's. */
function coreItemsOf(instrument: Instrument | null): QuestionJson[] {
  return instrument ? instrument.json.pages.flatMap((page) => page.elements) : [];
}

/** Refuses a form with problems, naming each by JSON path; nothing is written. */
function refuseProblems(problems: SurveyProblem[]): void {
  if (!problems.length) return;
  throw new HarbourError(
    ErrorCode.BAD_USER_INPUT,
    problems.length === 1 ? `The form has a problem: ${problems[0]!.message}` : `The form has ${problems.length} problems; nothing was saved`,
    { problems },
  );
}

/** A new draft survey: from an instrument, from JSON written elsewhere, or blank. */
export async function createSurvey(
  db: EntityManager,
  input: { tenantId: string; organisationId: string; title: string; instrumentCode?: string | null; json?: Record<string, unknown> | null; accountId: string },
): Promise<Survey> {
  let instrument: Instrument | null = null;
  if (input.instrumentCode) {
    instrument = INSTRUMENTS.find((i) => i.code === input.instrumentCode) ?? null;
    if (!instrument) throw new HarbourError(ErrorCode.BAD_USER_INPUT, `There is no instrument called ${input.instrumentCode}`, { field: 'instrumentCode' });
    if (input.json) throw new HarbourError(ErrorCode.BAD_USER_INPUT, 'Start from an instrument or from JSON, not both', { field: 'json' });
  }
  const draft = instrument ? instrument.json : (input.json ?? BLANK);
  const scoring = instrument ? instrument.scoring : NO_SCORING;
  refuseProblems(validateSurvey(draft, { scoring, coreItems: coreItemsOf(instrument) }));
  const id = randomUUID();
  await db.query(
    `INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status, instrument_code, instrument_version, draft, draft_scoring, draft_updated_by)
     VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9)`,
    [id, input.tenantId, input.organisationId, input.title.trim(), instrument?.code ?? null, instrument?.version ?? null, draft, scoring, input.accountId],
  );
  return (await db.getRepository(Survey).findOneBy({ id }))!;
}

/** Replaces a survey's draft after checking it; with any problem the draft stays as it was. */
export async function saveDraft(
  db: EntityManager,
  survey: Survey,
  input: { json: Record<string, unknown>; scoring?: ScoringSpec | null; accountId: string },
): Promise<Survey> {
  const scoring = input.scoring ?? survey.draftScoring;
  refuseProblems(validateSurvey(input.json, { scoring, coreItems: coreItemsOf(instrumentOf(survey)) }));
  await db.query(`UPDATE forms.survey SET draft = $2, draft_scoring = $3, draft_updated_at = now(), draft_updated_by = $4 WHERE id = $1`, [
    survey.id,
    input.json,
    scoring,
    input.accountId,
  ]);
  return (await db.getRepository(Survey).findOneBy({ id: survey.id }))!;
}

/**
 * Publishes the draft as the next immutable version; the survey becomes PUBLISHED. A draft
 * identical to the latest version publishes nothing new: that version is returned.
 */
export async function publish(db: EntityManager, survey: Survey, accountId: string): Promise<SurveyVersion> {
  refuseProblems(validateSurvey(survey.draft, { scoring: survey.draftScoring, coreItems: coreItemsOf(instrumentOf(survey)) }));
  // One publisher at a time per survey: the row lock orders concurrent publishes.
  await db.query(`SELECT 1 FROM forms.survey WHERE id = $1 FOR UPDATE`, [survey.id]);
  const hash = contentHash(survey.draft, survey.draftScoring);
  const versions = db.getRepository(SurveyVersion);
  const latest = await versions.findOne({ where: { surveyId: survey.id }, order: { number: 'DESC' } });
  if (latest?.contentHash === hash) return latest;
  const id = randomUUID();
  await db.query(
    `INSERT INTO forms.survey_version (id, tenant_id, survey_id, number, json, scoring, content_hash, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, survey.tenantId, survey.id, (latest?.number ?? 0) + 1, survey.draft, survey.draftScoring, hash, accountId],
  );
  await db.query(`UPDATE forms.survey SET status = $2 WHERE id = $1`, [survey.id, SurveyStatus.PUBLISHED]);
  return (await versions.findOneBy({ id }))!;
}

/** Each survey's latest versions (LIST_SIZES['Survey.versions'] at most), oldest first. */
export function versionsOf(db: EntityManager, surveyIds: readonly string[]): Promise<SurveyVersion[]> {
  return db
    .getRepository(SurveyVersion)
    .createQueryBuilder('v')
    .where('v.survey_id = ANY(:surveyIds)', { surveyIds })
    .andWhere('v.number > (SELECT max(l.number) FROM forms.survey_version l WHERE l.survey_id = v.survey_id) - :most', { most: LIST_SIZES['Survey.versions'] })
    .orderBy('v.number')
    .getMany();
}

/** What changed from version `from` to version `to` of a survey, item by item. */
export async function diffVersions(db: EntityManager, surveyId: string, from: number, to: number): Promise<VersionDiff> {
  const found = await db.getRepository(SurveyVersion).find({ where: [{ surveyId, number: from }, { surveyId, number: to }] });
  const version = (n: number) => {
    const v = found.find((f) => f.number === n);
    if (!v) throw new HarbourError(ErrorCode.NOT_FOUND, `The survey has no version ${n}`, { version: n });
    return v;
  };
  return diffForms(version(from).json, version(to).json);
}
