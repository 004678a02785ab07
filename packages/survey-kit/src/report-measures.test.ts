import { INSTRUMENTS } from './instruments';
import { measuresOf, scoreBin, tenureBand } from './report-measures';
import { scoreAnswers } from './scoring';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
// Item scores on 0–10 (1–5 agreement: 1 → 0, 2 → 2.5, 4 → 7.5, 5 → 10; reversed items the other way).
const ANSWERS = {
  bel_where: 'nowhere',
  bel_part_of_team: 4, // 7.5
  bel_accepted: 4, // 7.5
  bel_valued: 5, // 10
  bel_isolated: 2, // reversed: 7.5
  bel_peer_contact: 2, // 2.5
  bel_peer_help: 2, // 2.5
  bel_supervision_regular: 4,
  bel_supervision_useful: 4,
  bel_pushback: 1,
  bel_stay_year: 5, // 10
  bel_thinking_leaving: 1, // reversed: 10
  bel_comment: 'Nobody to talk to',
};

describe('what a response adds to the rollups', () => {
  const measures = measuresOf(where.json, where.scoring, ANSWERS, scoreAnswers(where.scoring, ANSWERS));
  const byName = new Map(measures.map((m) => [m.measure, m]));

  it('marks a response through a released link, and only that one', () => {
    expect(byName.has('released')).toBe(false);
    const released = measuresOf(where.json, where.scoring, ANSWERS, scoreAnswers(where.scoring, ANSWERS), { viaReleasedLink: true });
    expect(released.filter((m) => m.measure === 'released')).toEqual([{ measure: 'released', value: 1, favourable: 0, y: 0 }]);
    expect(released.length).toBe(measures.length + 1);
  });

  it('counts the response, scores each construct with its bin, and counts each choice and rating', () => {
    expect(byName.get('responses')).toEqual({ measure: 'responses', value: 1, favourable: 0, y: 0 });
    // (7.5 + 7.5 + 10 + 7.5) / 4 = 8.125, kept to two places; favourable from 7.5.
    expect(byName.get('construct:belonging')).toEqual({ measure: 'construct:belonging', value: 8.13, favourable: 1, y: 0 });
    expect(byName.get('construct:peer_support')).toMatchObject({ value: 2.5, favourable: 0 });
    expect(byName.has('dist:belonging:4')).toBe(true);
    expect(byName.has('dist:peer_support:1')).toBe(true);
    expect(byName.has('choice:bel_where:nowhere')).toBe(true);
    expect(byName.has('choice:bel_part_of_team:4')).toBe(true);
    expect([...byName.keys()].some((m) => m.startsWith('choice:bel_comment'))).toBe(false);
  });

  it('keeps item scores and their sum for constructs of several items, for alpha', () => {
    expect(byName.get('alpha:belonging')!.value).toBe(32.5);
    expect(byName.get('alpha:belonging:bel_isolated')!.value).toBe(7.5);
    expect(byName.get('alpha:intention_to_stay')!.value).toBe(20);
    // One-item constructs have no alpha.
    expect(byName.has('alpha:feeling_valued')).toBe(false);
  });

  it('pairs every other item with belonging and with intention to stay, never a construct with its own items', () => {
    expect(byName.get('pair:bel_peer_contact:belonging')).toEqual({ measure: 'pair:bel_peer_contact:belonging', value: 2.5, favourable: 0, y: 8.13 });
    expect(byName.has('pair:bel_valued:belonging')).toBe(false);
    expect(byName.get('pair:bel_valued:intention_to_stay')).toMatchObject({ value: 10, y: 10 });
    // 11 scored items: 7 outside belonging, 9 outside intention to stay.
    expect(measures.filter((m) => m.measure.startsWith('pair:'))).toHaveLength(16);
  });

  it('flags isolation risk: belonging nowhere with peer support not favourable', () => {
    expect(byName.get('flag:isolation_risk')).toMatchObject({ value: 1, favourable: 1 });
    const supported = { ...ANSWERS, bel_peer_contact: 5, bel_peer_help: 4 };
    const again = measuresOf(where.json, where.scoring, supported, scoreAnswers(where.scoring, supported));
    expect(again.find((m) => m.measure === 'flag:isolation_risk')).toMatchObject({ value: 0, favourable: 0 });
  });

  it('bands tenure and bins scores at their edges', () => {
    expect([0, 2, 3, 5, 6, 11, 12, 23, 24, 120].map(tenureBand)).toEqual(['0-3', '0-3', '3-6', '3-6', '6-12', '6-12', '12-24', '12-24', '24+', '24+']);
    expect([0, 1.99, 2, 7.99, 8, 10].map(scoreBin)).toEqual([0, 0, 1, 3, 4, 4]);
  });
});
