import { INSTRUMENTS, itemScore, measuresOf, scoreAnswers } from '@harbour/survey-kit';
import { cronbachAlphaOf } from '../statistics/statistics';
import { figuresOf } from './figures';
import type { MeasureSums } from './report-query';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
const starting = INSTRUMENTS.find((i) => i.code === 'starting_in_a_new_role')!;

/** What the rollups would hold for these responses: each measure's sums, added up. */
function rollup(instrument: typeof where, responses: Record<string, unknown>[]): Map<string, MeasureSums> {
  const sums = new Map<string, MeasureSums>();
  for (const answers of responses) {
    for (const m of measuresOf(instrument.json, instrument.scoring, answers, scoreAnswers(instrument.scoring, answers))) {
      const s = sums.get(m.measure) ?? { n: 0, total: 0, totalSq: 0, favourable: 0, totalY: 0, totalYSq: 0, totalXy: 0 };
      sums.set(m.measure, {
        n: s.n + 1,
        total: s.total + m.value,
        totalSq: s.totalSq + m.value ** 2,
        favourable: s.favourable + m.favourable,
        totalY: s.totalY + m.y,
        totalYSq: s.totalYSq + m.y ** 2,
        totalXy: s.totalXy + m.value * m.y,
      });
    }
  }
  return sums;
}

const agreeing = (bel: number[], peer: [number, number], stay: [number, number], where: string) => ({
  bel_where: where,
  bel_part_of_team: bel[0],
  bel_accepted: bel[1],
  bel_valued: bel[2],
  bel_isolated: bel[3],
  bel_peer_contact: peer[0],
  bel_peer_help: peer[1],
  bel_supervision_regular: 3,
  bel_supervision_useful: 4,
  bel_pushback: 2,
  bel_stay_year: stay[0],
  bel_thinking_leaving: stay[1],
});

const RESPONSES = [
  agreeing([5, 5, 4, 1], [4, 5], [5, 1], 'both'),
  agreeing([4, 4, 4, 2], [4, 4], [4, 2], 'host'),
  agreeing([2, 3, 2, 4], [1, 2], [2, 5], 'nowhere'),
  agreeing([3, 3, 3, 3], [3, 3], [3, 3], 'team'),
  agreeing([1, 2, 2, 5], [2, 1], [1, 5], 'nowhere'),
  agreeing([5, 4, 5, 1], [5, 4], [5, 2], 'host'),
];

describe('figures from rollups', () => {
  const figures = figuresOf(rollup(where, RESPONSES));
  const belonging = figures.constructs.find((c) => c.code === 'belonging')!;

  it('gives each construct its mean, interval, favourable share and distribution as the raw scores would', () => {
    const scores = RESPONSES.map((a) => scoreAnswers(where.scoring, a).find((s) => s.code === 'belonging')!.score!);
    // Belonging scores by hand: 9.38, 7.5, 3.13, 5, 1.25, 9.38 (mean of four items on 0–10, isolated reversed).
    expect(scores).toEqual([9.38, 7.5, 3.13, 5, 1.25, 9.38]);
    expect(belonging.n).toBe(6);
    expect(belonging.mean).toBe(5.94); // 35.64 / 6
    expect(belonging.favourable).toEqual({ n: 6, count: 3, share: 0.5 });
    expect(belonging.distribution).toEqual([1, 1, 1, 1, 2]);
    // sd 3.3727; t(5) = 2.571; half-width 2.571 × 3.3727 / √6 = 3.54.
    expect(belonging.low).toBe(2.4);
    expect(belonging.high).toBe(9.48);
  });

  it('gives Cronbach\'s alpha from the rollups equal to alpha from the item scores', () => {
    const items = where.scoring.constructs.find((c) => c.code === 'belonging')!.items;
    const rows = RESPONSES.map((a) => items.map((item) => itemScore(item, a[item.item as keyof typeof a])!));
    expect(belonging.alpha).toBeCloseTo(cronbachAlphaOf(rows)!, 3);
    expect(belonging.alphaN).toBe(6);
    // One item: no alpha.
    expect(figures.constructs.find((c) => c.code === 'feeling_valued')!.alpha).toBeNull();
  });

  it('correlates items with belonging and intention to stay as the raw pairs would', () => {
    const driver = figures.drivers.find((d) => d.item === 'bel_peer_help' && d.outcome === 'belonging')!;
    const x = RESPONSES.map((a) => ((a.bel_peer_help - 1) / 4) * 10);
    const y = RESPONSES.map((a) => scoreAnswers(where.scoring, a).find((s) => s.code === 'belonging')!.score!);
    const mx = x.reduce((a, b) => a + b) / 6;
    const my = y.reduce((a, b) => a + b) / 6;
    const r = x.reduce((s, xi, i) => s + (xi - mx) * (y[i]! - my), 0) / Math.sqrt(x.reduce((s, xi) => s + (xi - mx) ** 2, 0) * y.reduce((s, yi) => s + (yi - my) ** 2, 0));
    expect(driver.n).toBe(6);
    expect(driver.correlation).toBeCloseTo(r, 3);
    expect(driver.question).toBe('I can turn to others in the same role for help and advice.');
    // Supervision answers never vary here: no correlation, rather than a made-up one.
    expect(figures.drivers.find((d) => d.item === 'bel_supervision_regular')!.correlation).toBeNull();
  });

  it('maps belonging, isolation risk and intention to leave', () => {
    expect(figures.responded).toBe(6);
    expect(figures.belongingMap).toEqual({
      n: 6,
      host: { n: 6, count: 2, share: 2 / 6 },
      team: { n: 6, count: 1, share: 1 / 6 },
      both: { n: 6, count: 1, share: 1 / 6 },
      nowhere: { n: 6, count: 2, share: 2 / 6 },
    });
    // Both "nowhere" people have unfavourable peer support.
    expect(figures.isolationRisk).toEqual({ n: 6, count: 2, share: 2 / 6 });
    // Intention to stay below 4: (2,5) → 1.25 and (1,5) → 0.
    expect(figures.intentionToLeave).toEqual({ n: 6, count: 2, share: 2 / 6 });
  });

  it('gives checklist rates for yes/no items', () => {
    const base = { onb_job_description: 3, onb_scope_clear: 3, onb_scope_known_by_team: 3, onb_equipment: 4, onb_welcome: 4, onb_governance_policy: true, onb_line_manager_named: true, onb_training_plan: false, onb_scope_defined: true };
    const onboarding = figuresOf(
      rollup(starting, [
        { ...base, onb_induction_done: true, onb_supervisor_named: true },
        { ...base, onb_induction_done: false, onb_supervisor_named: true },
        { ...base, onb_induction_done: true, onb_supervisor_named: false },
        { ...base, onb_induction_done: true, onb_supervisor_named: true },
      ]),
    );
    expect(onboarding.checklist.find((c) => c.item === 'onb_induction_done')!.yes).toEqual({ n: 4, count: 3, share: 0.75 });
    expect(onboarding.checklist.find((c) => c.item === 'onb_training_plan')!.yes).toEqual({ n: 4, count: 0, share: 0 });
    expect(onboarding.belongingMap).toBeNull();
  });
});
