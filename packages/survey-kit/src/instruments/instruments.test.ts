import { scoreAnswers } from '../scoring';
import { INSTRUMENTS } from './index';
import type { QuestionJson } from './questions';

const questionsOf = (json: { pages: { elements: QuestionJson[] }[] }) => json.pages.flatMap((page) => page.elements);
const byCode = (code: string) => INSTRUMENTS.find((i) => i.code === code)!;

describe('the instrument library', () => {
  it('ships five instruments, each with unique, stable item codes', () => {
    expect(INSTRUMENTS.map((i) => i.code)).toEqual(['starting_in_a_new_role', 'where_i_belong', 'pulse', 'leaving', 'team_readiness']);
    const everyName = INSTRUMENTS.flatMap((i) => questionsOf(i.json).map((q) => q.name));
    expect(new Set(everyName).size).toBe(everyName.length);
    for (const name of everyName) expect(name).toMatch(/^[a-z]{3}_[a-z_]+$/);
  });

  it.each(INSTRUMENTS.map((i) => [i.code, i] as const))('%s scores only numeric questions, on their own scale', (_code, instrument) => {
    const questions = new Map(questionsOf(instrument.json).map((q) => [q.name, q]));
    for (const construct of instrument.scoring.constructs) {
      expect(construct.items.length).toBeGreaterThan(0);
      for (const item of construct.items) {
        const question = questions.get(item.item);
        expect({ item: item.item, found: Boolean(question) }).toEqual({ item: item.item, found: true });
        if (question!.type === 'rating') expect([item.min, item.max]).toEqual([question!.rateMin, question!.rateMax]);
        else expect({ item: item.item, type: question!.type, scale: [item.min, item.max] }).toEqual({ item: item.item, type: 'boolean', scale: [0, 1] });
      }
    }
  });

  it('scores a known set of answers to Where I belong', () => {
    const scores = scoreAnswers(byCode('where_i_belong').scoring, {
      bel_where: 'nowhere',
      bel_part_of_team: 5,
      bel_accepted: 4,
      bel_valued: 4,
      bel_isolated: 2, // reverse-keyed in belonging: 2 of 5 is 7.5 of 10
      bel_peer_contact: 1,
      bel_peer_help: 2,
      bel_supervision_regular: 4,
      bel_pushback: 5,
      bel_stay_year: 2,
      bel_thinking_leaving: 5, // reverse-keyed: 0
    });
    expect(Object.fromEntries(scores.map((s) => [s.code, [s.score, s.favourable]]))).toEqual({
      belonging: [8.13, true], // (10 + 7.5 + 7.5 + 7.5) / 4
      peer_support: [1.25, false],
      supervision: [7.5, true], // one of two items answered is enough
      feeling_valued: [7.5, true],
      isolation: [2.5, true], // lower is better: disagreeing that you feel on your own
      resistance: [10, false],
      intention_to_stay: [1.25, false], // (2.5 + 0) / 2
    });
  });

  it('scores a known set of answers to Starting in a new role, yes and no included', () => {
    const scores = scoreAnswers(byCode('starting_in_a_new_role').scoring, {
      onb_induction_done: true,
      onb_supervisor_named: true,
      onb_line_manager_named: true,
      onb_training_plan: false,
      onb_job_description: 3,
      onb_scope_defined: false,
      onb_scope_known: 2,
      onb_scope_known_by_team: 2,
      onb_governance_policy: false,
      onb_equipment: 5,
      onb_welcome: 5,
    });
    expect(Object.fromEntries(scores.map((s) => [s.code, [s.score, s.favourable]]))).toEqual({
      governance_clarity: [2, false], // (5 + 0 + 2.5 + 2.5 + 0) / 5
      onboarding_support: [7.5, true], // three of four in place
      set_up: [10, true],
    });
  });

  it('uses the same construct codes across instruments, so scores compare', () => {
    const belonging = INSTRUMENTS.filter((i) => i.scoring.constructs.some((c) => c.code === 'belonging')).map((i) => i.code);
    expect(belonging).toEqual(['where_i_belong', 'pulse', 'leaving']);
    const stay = INSTRUMENTS.filter((i) => i.scoring.constructs.some((c) => c.code === 'intention_to_stay')).map((i) => i.code);
    expect(stay).toEqual(['where_i_belong', 'pulse']);
  });
});
