/**
 * The statistics role-evaluation reports give, from the sums rollups keep (so a report never
 * reads raw answers): means, sample variance, 95% confidence intervals, Cronbach's alpha and
 * Pearson's correlation. Every figure carries the n it rests on.
 */

/** What a rollup keeps of one measure in one group: how many values, their total, and the total of their squares. */
export interface Sums {
  n: number;
  total: number;
  totalSq: number;
}

export function mean(s: Sums): number | null {
  return s.n > 0 ? s.total / s.n : null;
}

/** The sample variance (n − 1 in the denominator); null below two values. */
export function variance(s: Sums): number | null {
  if (s.n < 2) return null;
  // Never below 0, which rounding in the sums could otherwise give for equal values.
  return Math.max(0, (s.totalSq - (s.total * s.total) / s.n) / (s.n - 1));
}

/** Two-sided 95% critical values of Student's t, by degrees of freedom (1 to 30, then 40, 60, 120). */
const T95: Record<number, number> = {
  1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
  11: 2.201, 12: 2.179, 13: 2.16, 14: 2.145, 15: 2.131, 16: 2.12, 17: 2.11, 18: 2.101, 19: 2.093, 20: 2.086,
  21: 2.08, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.06, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042,
  40: 2.021, 60: 2.0, 120: 1.98,
};

/** The 95% two-sided t critical value for `df` degrees of freedom; between tabled values, interpolated on 1/df (exact enough to three decimals). */
export function tCritical95(df: number): number {
  if (df < 1) throw new Error('A t value needs at least one degree of freedom');
  if (T95[df] !== undefined) return T95[df]!;
  const tabled = [30, 40, 60, 120, Infinity];
  const values = [T95[30]!, T95[40]!, T95[60]!, T95[120]!, 1.96];
  for (let i = 0; i < tabled.length - 1; i++) {
    const [lo, hi] = [tabled[i]!, tabled[i + 1]!];
    if (df > lo && df < hi) {
      const at = (1 / lo - 1 / df) / (1 / lo - (hi === Infinity ? 0 : 1 / hi));
      return values[i]! + at * (values[i + 1]! - values[i]!);
    }
  }
  return 1.96;
}

/** The 95% confidence interval of the mean (Student's t); null below two values. */
export function confidenceInterval95(s: Sums): { low: number; high: number } | null {
  const m = mean(s);
  const v = variance(s);
  if (m === null || v === null) return null;
  const half = tCritical95(s.n - 1) * Math.sqrt(v / s.n);
  return { low: m - half, high: m + half };
}

/**
 * Cronbach's alpha of a construct with k items: k/(k−1) × (1 − Σ item variances / variance of
 * the respondents' totals). Null for fewer than two items or when the totals do not vary.
 */
export function cronbachAlpha(itemVariances: number[], totalVariance: number): number | null {
  const k = itemVariances.length;
  if (k < 2 || !(totalVariance > 0)) return null;
  return (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / totalVariance);
}

/** Cronbach's alpha straight from respondents' item scores (one row per respondent, one column per item). */
export function cronbachAlphaOf(rows: number[][]): number | null {
  const k = rows[0]?.length ?? 0;
  const sumsOf = (values: number[]): Sums => ({ n: values.length, total: values.reduce((a, b) => a + b, 0), totalSq: values.reduce((a, b) => a + b * b, 0) });
  const items = Array.from({ length: k }, (_, j) => variance(sumsOf(rows.map((r) => r[j]!))));
  const total = variance(sumsOf(rows.map((r) => r.reduce((a, b) => a + b, 0))));
  if (items.some((v) => v === null) || total === null) return null;
  return cronbachAlpha(items as number[], total);
}

/** What a rollup keeps of two measures answered together: n, their totals, totals of squares, and total of products. */
export interface PairSums {
  n: number;
  x: number;
  y: number;
  xx: number;
  yy: number;
  xy: number;
}

/** Pearson's r from pair sums; null below three pairs or when either side does not vary. */
export function pearson(s: PairSums): number | null {
  if (s.n < 3) return null;
  const sxy = s.xy - (s.x * s.y) / s.n;
  const sxx = s.xx - (s.x * s.x) / s.n;
  const syy = s.yy - (s.y * s.y) / s.n;
  if (!(sxx > 0) || !(syy > 0)) return null;
  return sxy / Math.sqrt(sxx * syy);
}
