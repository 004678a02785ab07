/**
 * How answers become construct scores, comparable across versions and across trusts: every
 * scored item is a numeric scale, converted to 0–10 (reversed where a high answer means less
 * of the construct), and a construct is the mean of its answered items.
 */

/** One scored item: a question (by its stable item code) answered on a numeric scale. */
export interface ScoredItem {
  /** The question's name in the SurveyJS JSON: its stable item code. */
  item: string;
  /** The lowest and highest answers the scale allows (a 1–5 agreement scale: 1 and 5; yes/no: 0 and 1). */
  min: number;
  max: number;
  /** True when a high answer means less of the construct ("I feel isolated" for belonging). */
  reverse?: boolean;
}

/** A construct: a thing Harbour measures, from one or more items. */
export interface ConstructSpec {
  /** Stable code, e.g. `belonging`. */
  code: string;
  /** What a person reads, e.g. "Belonging". */
  name: string;
  items: ScoredItem[];
  /** Which way is good: for most constructs a high score; for isolation or resistance met, a low one. */
  higherIsBetter: boolean;
  /** Where favourable starts on 0–10: scores at or above it (or, when lower is better, at or below it). */
  favourableAt: number;
  /** Fewest answered items for a score; fewer and the construct is left unscored. Defaults to half, rounded up. */
  minAnswered?: number;
}

/** The scoring part of a survey version. */
export interface ScoringSpec {
  constructs: ConstructSpec[];
}

export interface ConstructScore {
  code: string;
  /** 0–10, or null when too few items were answered. */
  score: number | null;
  favourable: boolean | null;
  /** How many of its items were answered. */
  answered: number;
}

/** An answer as a number on an item's scale: numbers as they are, booleans as 1 and 0, numeric strings parsed. */
function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** One item's answer on 0–10, or null when unanswered or outside its scale. */
export function itemScore(spec: ScoredItem, value: unknown): number | null {
  const x = numeric(value);
  if (x === null || x < spec.min || x > spec.max || spec.max <= spec.min) return null;
  const scaled = ((x - spec.min) / (spec.max - spec.min)) * 10;
  return spec.reverse ? 10 - scaled : scaled;
}

/** Scores every construct of a spec from one response's answers (question name → value). */
export function scoreAnswers(spec: ScoringSpec, answers: Record<string, unknown>): ConstructScore[] {
  return spec.constructs.map((construct) => {
    const scores = construct.items.map((item) => itemScore(item, answers[item.item])).filter((s): s is number => s !== null);
    const needed = construct.minAnswered ?? Math.ceil(construct.items.length / 2);
    if (scores.length === 0 || scores.length < needed) return { code: construct.code, score: null, favourable: null, answered: scores.length };
    const score = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
    const favourable = construct.higherIsBetter ? score >= construct.favourableAt : score <= construct.favourableAt;
    return { code: construct.code, score, favourable, answered: scores.length };
  });
}
