import { LIST_SIZES } from '@harbour/graphql-kit';
import { BELONG_WHERE_ITEM, INSTRUMENTS, OUTCOME_CONSTRUCTS, type ConstructSpec, type QuestionJson } from '@harbour/survey-kit';
import { confidenceInterval95, cronbachAlpha, mean, pearson, variance } from '../statistics/statistics';
import type { MeasureSums } from './report-query';

/** A part of a whole: how many of n. */
export interface Share {
  n: number;
  count: number;
  share: number | null;
}

export interface ConstructFigure {
  code: string;
  name: string;
  higherIsBetter: boolean;
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  favourable: Share;
  /** Counts in each fifth of 0–10: [0, 2), [2, 4), [4, 6), [6, 8), [8, 10]. */
  distribution: number[];
  alpha: number | null;
  /** Respondents who answered every item, on whom alpha rests. */
  alphaN: number;
}

export interface ChecklistFigure {
  item: string;
  question: string;
  yes: Share;
}

export interface DriverFigure {
  item: string;
  question: string;
  outcome: string;
  n: number;
  correlation: number | null;
}

export interface BelongingMap {
  n: number;
  host: Share;
  team: Share;
  both: Share;
  nowhere: Share;
}

/** Everything a report says about one group, from its summed rollups alone. */
export interface Figures {
  responded: number;
  constructs: ConstructFigure[];
  belongingMap: BelongingMap | null;
  isolationRisk: Share | null;
  intentionToLeave: Share | null;
  checklist: ChecklistFigure[];
  drivers: DriverFigure[];
}

/** Every measure a full set of figures reads (exact names, or prefixes ending in ':'). */
export const FIGURE_MEASURES = ['responses', 'construct:', 'dist:', 'choice:', 'alpha:', 'pair:', 'flag:'];

/** Scores below this on intention to stay (0–10) count as leaning towards leaving. */
const LEAVING_BELOW_BIN = 2;

const CONSTRUCTS = new Map<string, ConstructSpec>();
const QUESTIONS = new Map<string, QuestionJson>();
for (const instrument of INSTRUMENTS) {
  for (const c of instrument.scoring.constructs) if (!CONSTRUCTS.has(c.code)) CONSTRUCTS.set(c.code, c);
  for (const page of instrument.json.pages) for (const q of page.elements) if (!QUESTIONS.has(q.name)) QUESTIONS.set(q.name, q);
}

/** The wording of an item, from the instrument library; its code where it is a trust's own. */
export function questionText(item: string): string {
  return QUESTIONS.get(item)?.title ?? item;
}

/** count of n, and that as a share (null when n is 0). */
export const share = (count: number, n: number): Share => ({ n, count, share: n > 0 ? count / n : null });
const round = (x: number | null, places = 2) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/** Measures below a prefix, by the rest of their names. */
function under(measures: Map<string, MeasureSums>, prefix: string): Map<string, MeasureSums> {
  const found = new Map<string, MeasureSums>();
  for (const [name, sums] of measures) if (name.startsWith(prefix)) found.set(name.slice(prefix.length), sums);
  return found;
}

function constructFigure(code: string, sums: MeasureSums, measures: Map<string, MeasureSums>): ConstructFigure {
  const spec = CONSTRUCTS.get(code);
  const ci = confidenceInterval95(sums);
  const bins = under(measures, `dist:${code}:`);
  const alphaSum = measures.get(`alpha:${code}`);
  const itemVariances = [...under(measures, `alpha:${code}:`).values()].map((s) => variance(s));
  const totalVariance = alphaSum ? variance(alphaSum) : null;
  const alpha =
    alphaSum && totalVariance !== null && itemVariances.length >= 2 && itemVariances.every((v) => v !== null)
      ? cronbachAlpha(itemVariances as number[], totalVariance)
      : null;
  return {
    code,
    name: spec?.name ?? code,
    higherIsBetter: spec?.higherIsBetter ?? true,
    n: sums.n,
    mean: round(mean(sums)),
    low: round(ci?.low ?? null),
    high: round(ci?.high ?? null),
    favourable: share(sums.favourable, sums.n),
    distribution: [0, 1, 2, 3, 4].map((bin) => bins.get(String(bin))?.n ?? 0),
    alpha: round(alpha, 3),
    alphaN: alphaSum?.n ?? 0,
  };
}

/** The figures for one group from its summed measures. */
export function figuresOf(measures: Map<string, MeasureSums>): Figures {
  const constructs = [...under(measures, 'construct:').entries()]
    .map(([code, sums]) => constructFigure(code, sums, measures))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, LIST_SIZES['ReportFigures.constructs']);

  const where = under(measures, `choice:${BELONG_WHERE_ITEM}:`);
  const whereN = [...where.values()].reduce((sum, s) => sum + s.n, 0);
  const belongingMap: BelongingMap | null = whereN
    ? {
        n: whereN,
        host: share(where.get('host')?.n ?? 0, whereN),
        team: share(where.get('team')?.n ?? 0, whereN),
        both: share(where.get('both')?.n ?? 0, whereN),
        nowhere: share(where.get('nowhere')?.n ?? 0, whereN),
      }
    : null;

  const risk = measures.get('flag:isolation_risk');
  const stay = constructs.find((c) => c.code === 'intention_to_stay');

  // Yes/no items: the answers counted are exactly true and false.
  const choices = new Map<string, Map<string, number>>();
  for (const [name, sums] of under(measures, 'choice:')) {
    const at = name.lastIndexOf(':');
    const [item, value] = [name.slice(0, at), name.slice(at + 1)];
    if (!choices.has(item)) choices.set(item, new Map());
    choices.get(item)!.set(value, sums.n);
  }
  const checklist: ChecklistFigure[] = [];
  for (const [item, values] of choices) {
    if (![...values.keys()].every((v) => v === 'true' || v === 'false')) continue;
    const n = (values.get('true') ?? 0) + (values.get('false') ?? 0);
    checklist.push({ item, question: questionText(item), yes: share(values.get('true') ?? 0, n) });
  }
  checklist.sort((a, b) => a.item.localeCompare(b.item));
  checklist.splice(LIST_SIZES['ReportFigures.checklist']);

  const drivers: DriverFigure[] = [];
  for (const [name, s] of under(measures, 'pair:')) {
    const at = name.lastIndexOf(':');
    const [item, outcome] = [name.slice(0, at), name.slice(at + 1)];
    if (!(OUTCOME_CONSTRUCTS as readonly string[]).includes(outcome)) continue;
    const r = pearson({ n: s.n, x: s.total, y: s.totalY, xx: s.totalSq, yy: s.totalYSq, xy: s.totalXy });
    drivers.push({ item, question: questionText(item), outcome, n: s.n, correlation: round(r, 3) });
  }
  drivers.sort((a, b) => a.outcome.localeCompare(b.outcome) || Math.abs(b.correlation ?? 0) - Math.abs(a.correlation ?? 0) || a.item.localeCompare(b.item));
  // The strongest for each outcome, as many for each.
  const perOutcome = LIST_SIZES['ReportFigures.drivers'] / OUTCOME_CONSTRUCTS.length;
  const strongest = drivers.filter((d, i) => i < perOutcome || drivers[i - perOutcome]!.outcome !== d.outcome);

  return {
    responded: measures.get('responses')?.n ?? 0,
    constructs,
    belongingMap,
    isolationRisk: risk ? share(risk.favourable, risk.n) : null,
    intentionToLeave: stay ? share(stay.distribution.slice(0, LEAVING_BELOW_BIN).reduce((a, b) => a + b, 0), stay.n) : null,
    checklist,
    drivers: strongest,
  };
}
