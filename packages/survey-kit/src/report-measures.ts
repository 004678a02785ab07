import { elementsOf } from './form-elements';
import { isRefusal } from './prefer-not-to-say';
import { itemScore, type ConstructScore, type ScoringSpec } from './scoring';

/**
 * The measures a response adds to the rollups: the contract between responses, which writes
 * them at submission, and insights, which reads them for role-evaluation reports.
 */

export interface Measure {
  measure: string;
  value: number;
  favourable: number;
  /** The second value of a pair measure (the outcome); 0 for the rest. */
  y: number;
}

/** Tenure bands reports use, in order. */
export const TENURE_BANDS = ['0-3', '3-6', '6-12', '12-24', '24+'] as const;

/** Months in post as reports band them: 0–3, 3–6, 6–12, 12–24, 24+. */
export function tenureBand(months: number): string {
  if (months < 3) return '0-3';
  if (months < 6) return '3-6';
  if (months < 12) return '6-12';
  if (months < 24) return '12-24';
  return '24+';
}

/** The fewest months in post of the band `months` is in: all an anonymous response keeps of its respondent's tenure. */
export function tenureBandFloor(months: number): number {
  return Number(tenureBand(months).replace('+', '').split('-')[0]);
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
 *   map, checklist rates, item distributions), "Prefer not to say" not among them;
 * - `alpha:<code>` and `alpha:<code>:<item>`: for a construct of several items answered in full,
 *   the sum of its item scores and each item score (Cronbach's alpha);
 * - `pair:<item>:<outcome>`: an item score with the outcome construct's score (value and y), for
 *   the correlations that say which items drive belonging and intention to stay;
 * - `flag:isolation_risk`: 1 when someone belongs nowhere and peer support is not favourable, else 0;
 * - `released`: the response came through a link its trust's admins were given for hand
 *   delivery, so someone other than the person invited may have written it. It counts in every
 *   figure, and never towards a group's minimum ({@link countsTowardsMinimum}).
 */
export function measuresOf(form: unknown, scoring: ScoringSpec, answers: Record<string, unknown>, scores: ConstructScore[], options: { viaReleasedLink?: boolean } = {}): Measure[] {
  const measures: Measure[] = [measure('responses', 1)];
  if (options.viaReleasedLink) measures.push(measure('released', 1));
  const scoreOf = new Map(scores.map((s) => [s.code, s]));
  for (const s of scores) {
    if (s.score === null) continue;
    measures.push(measure(`construct:${s.code}`, s.score, s.favourable ? 1 : 0), measure(`dist:${s.code}:${scoreBin(s.score)}`, 1));
  }
  for (const { json } of elementsOf(form)) {
    const value = answers[String(json.name)];
    // "Prefer not to say" is no answer: it is in no distribution, as it is in no score.
    if (!COUNTED.has(String(json.type)) || value === undefined || value === null || typeof value === 'object' || isRefusal(String(json.type), value)) continue;
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

/**
 * The SQL (over rollup rows `r` summed per group) for how many of a group's responses count
 * towards its minimum: every response but those through released links. The padding an admin
 * holding links could do (submitting known answers to lift a small group over its minimum, then
 * subtracting them) so never opens a group: it needs k responses no admin could have written.
 */
export const countsTowardsMinimum = (rollup = 'r') =>
  `(coalesce(sum(${rollup}.n) FILTER (WHERE ${rollup}.measure = 'responses'), 0) - coalesce(sum(${rollup}.n) FILTER (WHERE ${rollup}.measure = 'released'), 0))`;
