import type { EntityManager } from 'typeorm';
import { elementsOf, type ConstructScore } from '@harbour/survey-kit';

/** One response's part in the rollups: who (as snapshotted), when, and its measures. */
export interface RollupEntry {
  tenantId: string;
  campaignId: string;
  surveyId: string;
  /** The day it was submitted, YYYY-MM-DD. */
  submittedOn: string;
  organisationId: string;
  roleId: string;
  settingId: string | null;
  cohort: string | null;
  tenureMonths: number;
  form: unknown;
  answers: Record<string, unknown>;
  scores: ConstructScore[];
}

export interface Measure {
  measure: string;
  value: number;
  favourable: number;
}

/** Months in post as reports band them: 0–3, 3–6, 6–12, 12–24, 24+. */
export function tenureBand(months: number): string {
  if (months < 3) return '0-3';
  if (months < 6) return '3-6';
  if (months < 12) return '6-12';
  if (months < 24) return '12-24';
  return '24+';
}

const COUNTED = new Set(['radiogroup', 'dropdown', 'boolean']);

/**
 * What one response adds to the rollups: `responses` (1); each construct it scored (its 0–10
 * score, and whether that is favourable); each single-choice and yes/no answer as
 * `choice:<question>:<value>` (1), which is what the belonging map and checklist rates count.
 */
export function measuresOf(form: unknown, answers: Record<string, unknown>, scores: ConstructScore[]): Measure[] {
  const measures: Measure[] = [{ measure: 'responses', value: 1, favourable: 0 }];
  for (const s of scores) if (s.score !== null) measures.push({ measure: `construct:${s.code}`, value: s.score, favourable: s.favourable ? 1 : 0 });
  for (const { json } of elementsOf(form)) {
    const value = answers[String(json.name)];
    if (!COUNTED.has(String(json.type)) || value === undefined || value === null || typeof value === 'object') continue;
    measures.push({ measure: `choice:${String(json.name)}:${String(value)}`, value: 1, favourable: 0 });
  }
  return measures;
}

/** The rollup row `r` of the entry's group. */
const CELL = `r.tenant_id = $1 AND r.campaign_id = $2 AND r.survey_id = $3 AND r.month = date_trunc('month', $4::date)::date AND r.organisation_id = $5 AND r.role_id = $6
  AND coalesce(r.setting_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($7::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
  AND coalesce(r.cohort, '') = coalesce($8::text, '') AND r.tenure_band = $9`;

function params(entry: RollupEntry, measures: Measure[]): unknown[] {
  return [
    entry.tenantId,
    entry.campaignId,
    entry.surveyId,
    entry.submittedOn,
    entry.organisationId,
    entry.roleId,
    entry.settingId,
    entry.cohort,
    tenureBand(entry.tenureMonths),
    measures.map((m) => m.measure),
    measures.map((m) => m.value),
    measures.map((m) => m.favourable),
  ];
}

/** Adds a response to the rollups, in one statement, in the caller's transaction. */
export async function addToRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup AS r (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure, n, total, total_sq, favourable)
     SELECT $1, $2, $3, date_trunc('month', $4::date)::date, $5, $6, $7, $8, $9, m.measure, 1, m.value, m.value * m.value, m.favourable
     FROM unnest($10::text[], $11::float8[], $12::int[]) AS m(measure, value, favourable)
     ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
     DO UPDATE SET n = r.n + 1, total = r.total + EXCLUDED.total, total_sq = r.total_sq + EXCLUDED.total_sq, favourable = r.favourable + EXCLUDED.favourable`,
    params(entry, measuresOf(entry.form, entry.answers, entry.scores)),
  );
}

/** Takes a withdrawn or erased response back out of the rollups it was added to. */
export async function removeFromRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `UPDATE responses.rollup AS r SET n = r.n - 1, total = r.total - m.value, total_sq = r.total_sq - m.value * m.value, favourable = r.favourable - m.favourable
     FROM unnest($10::text[], $11::float8[], $12::int[]) AS m(measure, value, favourable)
     WHERE r.measure = m.measure AND ${CELL}`,
    params(entry, measuresOf(entry.form, entry.answers, entry.scores)),
  );
}
