import { confidenceInterval95, cronbachAlpha, cronbachAlphaOf, mean, pearson, tCritical95, variance, type Sums } from './statistics';

const sumsOf = (values: number[]): Sums => ({ n: values.length, total: values.reduce((a, b) => a + b, 0), totalSq: values.reduce((a, b) => a + b * b, 0) });

describe('report statistics, against values worked by hand', () => {
  it('gives the mean, the sample variance and the 95% interval of 2, 4, 4, 4, 5, 5, 7, 9', () => {
    const s = sumsOf([2, 4, 4, 4, 5, 5, 7, 9]);
    // Mean 40 / 8 = 5. Squared deviations 9+1+1+1+0+0+4+16 = 32, over n − 1 = 7: 4.5714.
    expect(mean(s)).toBe(5);
    expect(variance(s)).toBeCloseTo(32 / 7, 10);
    // t(7) = 2.365; half-width 2.365 × √(4.5714 / 8) = 2.365 × 0.75593 = 1.78778.
    const ci = confidenceInterval95(s)!;
    expect(ci.low).toBeCloseTo(3.2122, 3);
    expect(ci.high).toBeCloseTo(6.7878, 3);
  });

  it('gives nothing it cannot: no mean of nothing, no variance or interval of one value', () => {
    expect(mean(sumsOf([]))).toBeNull();
    expect(variance(sumsOf([7]))).toBeNull();
    expect(confidenceInterval95(sumsOf([7]))).toBeNull();
    expect(variance(sumsOf([3, 3, 3]))).toBe(0);
  });

  it('reads t from the table, and between tabled values close to the exact quantile', () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(30)).toBe(2.042);
    // The exact quantiles: t(50) = 2.0086, t(200) = 1.9719, t(1000) = 1.9623.
    expect(tCritical95(50)).toBeCloseTo(2.0086, 2);
    expect(tCritical95(200)).toBeCloseTo(1.9719, 2);
    expect(tCritical95(1000)).toBeCloseTo(1.9623, 2);
    expect(() => tCritical95(0)).toThrow('at least one degree of freedom');
  });

  it('gives Cronbach\'s alpha of three items answered by four people', () => {
    // Items (columns) by respondent (rows):
    //   [1, 2, 2]  total 5
    //   [2, 2, 3]  total 7
    //   [3, 4, 4]  total 11
    //   [4, 4, 5]  total 13
    // Item variances: [1,2,3,4] → 1.6667; [2,2,4,4] → 1.3333; [2,3,4,5] → 1.6667; sum 4.6667.
    // Totals [5,7,11,13]: mean 9, squared deviations 16+4+4+16 = 40, over 3: 13.3333.
    // Alpha = 3/2 × (1 − 4.6667 / 13.3333) = 1.5 × 0.65 = 0.975.
    expect(cronbachAlphaOf([[1, 2, 2], [2, 2, 3], [3, 4, 4], [4, 4, 5]])).toBeCloseTo(0.975, 10);
    expect(cronbachAlpha([1, 1], 0)).toBeNull();
    expect(cronbachAlpha([2], 4)).toBeNull();
  });

  it('gives Pearson\'s r of two measures from their pair sums', () => {
    // x = 1..5, y = [2, 4, 5, 4, 5]: deviations from 3 and 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6; r = 6 / √60 = 0.774597.
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const sums = { n: 5, x: 15, y: 20, xx: 55, yy: 86, xy: x.reduce((a, v, i) => a + v * y[i]!, 0) };
    expect(sums.xy).toBe(66);
    expect(pearson(sums)).toBeCloseTo(6 / Math.sqrt(60), 10);
    expect(pearson({ ...sums, n: 2 })).toBeNull();
    expect(pearson({ n: 3, x: 6, y: 9, xx: 14, yy: 27, xy: 18 })).toBeNull();
  });
});
