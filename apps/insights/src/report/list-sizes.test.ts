import { LIST_SIZES } from '@harbour/graphql-kit';
import { INSTRUMENTS, TENURE_BANDS } from '@harbour/survey-kit';
import { figuresOf } from './figures';
import { TREND_MAX_YEARS } from './periods';
import { RETENTION_BANDS } from './role-evaluation.service';

/** The lists whose most is fixed by Harbour's own catalogues: LIST_SIZES says what the code does. */
describe('the sizes of the fixed lists', () => {
  it('are the catalogues\' own', () => {
    expect(LIST_SIZES['RoleEvaluation.trend']).toBe(TREND_MAX_YEARS * 12);
    expect(LIST_SIZES['RoleEvaluation.tenureCurve']).toBe(TENURE_BANDS.length);
    expect(LIST_SIZES['Retention.bands']).toBe(RETENTION_BANDS.length);
    expect(LIST_SIZES['Query.instruments']).toBe(INSTRUMENTS.length);
    expect(LIST_SIZES['ReportFigures.constructs']).toBeGreaterThanOrEqual(Math.max(...INSTRUMENTS.map((i) => i.scoring.constructs.length)));
  });

  it('hold however many measures the cells have: constructs, checklist and drivers at their most', () => {
    const measures = new Map<string, { n: number; total: number; totalSq: number; favourable: number; totalY: number; totalYSq: number; totalXy: number }>();
    const sums = (n: number) => ({ n, total: n * 5, totalSq: n * 30, favourable: n, totalY: n * 6, totalYSq: n * 40, totalXy: n * 32 });
    measures.set('responses', sums(50));
    for (let i = 0; i < 80; i++) {
      measures.set(`construct:c${String(i).padStart(2, '0')}`, sums(50));
      measures.set(`dist:c${String(i).padStart(2, '0')}:2`, sums(50));
    }
    for (let i = 0; i < 300; i++) {
      measures.set(`choice:yes_no_${i}:true`, sums(20));
      measures.set(`choice:yes_no_${i}:false`, sums(30));
      measures.set(`pair:item_${i}:belonging`, { ...sums(50), totalXy: 1600 + i });
      measures.set(`pair:item_${i}:intention_to_stay`, { ...sums(50), totalXy: 1600 + i });
    }
    const figures = figuresOf(measures as never);
    expect(figures.constructs).toHaveLength(LIST_SIZES['ReportFigures.constructs']);
    expect(figures.checklist).toHaveLength(LIST_SIZES['ReportFigures.checklist']);
    expect(figures.drivers).toHaveLength(LIST_SIZES['ReportFigures.drivers']);
    for (const outcome of ['belonging', 'intention_to_stay']) expect(figures.drivers.filter((d) => d.outcome === outcome)).toHaveLength(LIST_SIZES['ReportFigures.drivers'] / 2);
    for (const c of figures.constructs) expect(c.distribution).toHaveLength(LIST_SIZES['ConstructResult.distribution']);
  });
});
