import type { EntityManager } from 'typeorm';
import { elementsOf, itemScore, type ConstructScore, type ScoringSpec } from '@harbour/survey-kit';

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
  scoring: ScoringSpec;
  answers: Record<string, unknown>;
  scores: ConstructScore[];
}

export interface Measure {
  measure: string;
  value: number;
  favourable: number;
  /** The second value of a pair measure (the outcome); 0 for the rest. */
  y: number;
}

/** Months in post as reports band them: 0–3, 3–6, 6–12, 12–24, 24+. */
export function tenureBand(months: number): string {
  if (months < 3) return '0-3';
  if (months < 6) return '3-6';
  if (months < 12) return '6-12';
  if (months < 24) return '12-24';
  return '24+';
}

/** Where a 0–10 score falls in a construct's distribution: 0 for [0, 2), ... 4 for [8, 10]. */
export function scoreBin(score: number): number {
  return Math.min(4, Math.floor(score / 2));
}

/** Constructs whose drivers reports look for: which items go with belonging, and with intention to stay. */
export const OUTCOME_CONSTRUCTS = ['belonging', 'intention_to_stay'] as const;
/** The belonging-map item and the construct that, with "nowhere", makes isolation risk. */
export const BELONG_WHERE_ITEM = 'bel_where';
export const PEER_SUPPORT_CONSTRUCT = 'peer_support';

const COUNTED = new Set(['radiogroup', 'dropdown', 'boolean', 'rating']);

const measure = (name: string, value: number, favourable = 0, y = 0): Measure => ({ measure: name, value, favourable, y });

/**
 * What one response adds to the rollups. Every measure keeps a count, a total and a total of
 * squares, so reports get means, variances and shares without reading answers:
 * - `responses` (1);
 * - `construct:<code>`: its 0–10 score, and whether that is favourable;
 * - `dist:<code>:<bin>` (1): which fifth of 0–10 the score fell in;
 * - `choice:<question>:<value>` (1): each single-choice, rating and yes/no answer (belonging
 *   map, checklist rates, item distributions);
 * - `alpha:<code>` and `alpha:<code>:<item>`: for a construct of several items answered in full,
 *   the sum of its item scores and each item score (Cronbach's alpha);
 * - `pair:<item>:<outcome>`: an item score with the outcome construct's score (value and y), for
 *   the correlations that say which items drive belonging and intention to stay;
 * - `flag:isolation_risk`: 1 when someone belongs nowhere and peer support is not favourable, else 0.
 */
export function measuresOf(form: unknown, scoring: ScoringSpec, answers: Record<string, unknown>, scores: ConstructScore[]): Measure[] {
  const measures: Measure[] = [measure('responses', 1)];
  const scoreOf = new Map(scores.map((s) => [s.code, s]));
  for (const s of scores) {
    if (s.score === null) continue;
    measures.push(measure(`construct:${s.code}`, s.score, s.favourable ? 1 : 0), measure(`dist:${s.code}:${scoreBin(s.score)}`, 1));
  }
  for (const { json } of elementsOf(form)) {
    const value = answers[String(json.name)];
    if (!COUNTED.has(String(json.type)) || value === undefined || value === null || typeof value === 'object') continue;
    measures.push(measure(`choice:${String(json.name)}:${String(value)}`, 1));
  }
  const itemScores = new Map<string, number>();
  for (const construct of scoring.constructs) {
    const items = construct.items.map((item) => ({ item: item.item, score: itemScore(item, answers[item.item]) }));
    for (const { item, score } of items) if (score !== null) itemScores.set(item, score);
    if (items.length < 2 || items.some((i) => i.score === null)) continue;
    measures.push(measure(`alpha:${construct.code}`, items.reduce((sum, i) => sum + (i.score as number), 0)));
    for (const { item, score } of items) measures.push(measure(`alpha:${construct.code}:${item}`, score as number));
  }
  for (const outcome of OUTCOME_CONSTRUCTS) {
    const y = scoreOf.get(outcome)?.score;
    const spec = scoring.constructs.find((c) => c.code === outcome);
    if (y === null || y === undefined || !spec) continue;
    const own = new Set(spec.items.map((i) => i.item));
    for (const [item, x] of itemScores) if (!own.has(item)) measures.push(measure(`pair:${item}:${outcome}`, x, 0, y));
  }
  const where = answers[BELONG_WHERE_ITEM];
  const peer = scoreOf.get(PEER_SUPPORT_CONSTRUCT);
  if (typeof where === 'string' && peer && peer.score !== null) {
    const atRisk = where === 'nowhere' && !peer.favourable ? 1 : 0;
    measures.push(measure('flag:isolation_risk', atRisk, atRisk));
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
    measures.map((m) => m.y),
  ];
}

/** Counts a change to a tenant's rollups, so reports know their summaries are out of date. */
async function bumpVersion(db: EntityManager, tenantId: string): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup_version AS v (tenant_id, version) VALUES ($1, 1) ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1`,
    [tenantId],
  );
}

/** Adds a response to the rollups, in one statement, in the caller's transaction. */
export async function addToRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup AS r (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure,
                                        n, total, total_sq, favourable, total_y, total_y_sq, total_xy)
     SELECT $1, $2, $3, date_trunc('month', $4::date)::date, $5, $6, $7, $8, $9, m.measure, 1, m.value, m.value * m.value, m.favourable, m.y, m.y * m.y, m.value * m.y
     FROM unnest($10::text[], $11::float8[], $12::int[], $13::float8[]) AS m(measure, value, favourable, y)
     ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
     DO UPDATE SET n = r.n + 1, total = r.total + EXCLUDED.total, total_sq = r.total_sq + EXCLUDED.total_sq, favourable = r.favourable + EXCLUDED.favourable,
                   total_y = r.total_y + EXCLUDED.total_y, total_y_sq = r.total_y_sq + EXCLUDED.total_y_sq, total_xy = r.total_xy + EXCLUDED.total_xy`,
    params(entry, measuresOf(entry.form, entry.scoring, entry.answers, entry.scores)),
  );
  await bumpVersion(db, entry.tenantId);
}

/** Takes a withdrawn or erased response back out of the rollups it was added to. */
export async function removeFromRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `UPDATE responses.rollup AS r SET n = r.n - 1, total = r.total - m.value, total_sq = r.total_sq - m.value * m.value, favourable = r.favourable - m.favourable,
            total_y = r.total_y - m.y, total_y_sq = r.total_y_sq - m.y * m.y, total_xy = r.total_xy - m.value * m.y
     FROM unnest($10::text[], $11::float8[], $12::int[], $13::float8[]) AS m(measure, value, favourable, y)
     WHERE r.measure = m.measure AND ${CELL}`,
    params(entry, measuresOf(entry.form, entry.scoring, entry.answers, entry.scores)),
  );
  await bumpVersion(db, entry.tenantId);
}
