import { settings } from 'survey-core';
import { checkAnswers } from './check-answers';
import { INSTRUMENTS } from './instruments';
import { PREFER_NOT_TO_SAY } from './prefer-not-to-say';
import { EVERY_TYPE_ANSWERS, EVERY_TYPE_FORM } from './question-types.fixtures';
import { measuresOf } from './report-measures';
import { scoreAnswers } from './scoring';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
/** Where I belong answered in full, every rating 4 and the belonging map "team". */
const answered = (): Record<string, unknown> => {
  const answers: Record<string, unknown> = {};
  for (const page of where.json.pages) {
    for (const q of page.elements) {
      if (q.isRequired) answers[q.name] = q.type === 'rating' ? 4 : q.type === 'boolean' ? true : q.type === 'radiogroup' ? 'team' : 'text';
    }
  }
  return answers;
};

describe('"Prefer not to say", where a campaign offers it', () => {
  it('is SurveyJS\'s own refuse-item value, so the page\'s refuse choice and its buttons hold the same', () => {
    expect(PREFER_NOT_TO_SAY).toBe(settings.refuseItemValue);
  });

  it('answers a required choice or scale, a single value or (for several choices) a list of one', () => {
    const refused = { ...answered(), bel_where: 'refused', bel_part_of_team: 'refused', bel_isolated: 'refused' };
    expect(checkAnswers(where.json, refused, { preferNotToSay: true })).toEqual([]);
    const everything = { ...EVERY_TYPE_ANSWERS, topics: ['refused'], settled: 'refused' };
    delete (everything as Record<string, unknown>).settled_double;
    expect(checkAnswers(EVERY_TYPE_FORM, everything, { preferNotToSay: true })).toEqual([]);
  });

  it('is refused where the campaign does not offer it, inside a dynamic panel, and in the wrong shape', () => {
    const problems = checkAnswers(where.json, { ...answered(), bel_part_of_team: 'refused' });
    expect(problems).toEqual([{ question: 'bel_part_of_team', message: expect.stringContaining('bel_part_of_team') }]);
    // A dynamic panel's question is answered with the panel (or the whole panel refused), never one by one.
    const inPanel = checkAnswers(EVERY_TYPE_FORM, { ...EVERY_TYPE_ANSWERS, placements: [{ place: 'Ward 3', weeks: 'refused' }] }, { preferNotToSay: true });
    expect(inPanel.map((p) => p.question)).toEqual(['placements']);
    // Structured answers (a dynamic panel, several texts, a grid) and pictures are not refused with a word.
    const structured = checkAnswers(EVERY_TYPE_FORM, { ...EVERY_TYPE_ANSWERS, placements: 'refused', contacts: 'refused', support: 'refused', mood: 'refused' }, { preferNotToSay: true });
    expect(structured.map((p) => p.question)).toEqual(['placements', 'contacts', 'support', 'mood']);
    // A tag box holds a list: the refusal is the list of it alone, not the bare word, and not beside a real choice.
    const shapes = checkAnswers(EVERY_TYPE_FORM, { ...EVERY_TYPE_ANSWERS, topics: 'refused' }, { preferNotToSay: true });
    expect(shapes.map((p) => p.question)).toEqual(['topics']);
    const mixed = checkAnswers(EVERY_TYPE_FORM, { ...EVERY_TYPE_ANSWERS, topics: ['refused', 'buddy'] }, { preferNotToSay: true });
    expect(mixed.map((p) => p.question)).toEqual(['topics']);
  });

  it('counts as no answer: in no score and in no distribution', () => {
    const given = answered();
    const refused = { ...given, bel_where: 'refused', bel_part_of_team: 'refused' };
    const measures = new Map(measuresOf(where.json, where.scoring, refused, scoreAnswers(where.scoring, refused)).map((m) => [m.measure, m]));
    expect([...measures.keys()].filter((m) => m.includes('refused'))).toEqual([]);
    expect([...measures.keys()].some((m) => m.startsWith('choice:bel_where:'))).toBe(false);
    expect([...measures.keys()].some((m) => m.startsWith('choice:bel_part_of_team:'))).toBe(false);
    // Belonging is scored from its other three items (4, 4 and the reversed "isolated" 4: 7.5, 7.5, 2.5), as if the fourth were left blank.
    const blank = { ...given };
    delete blank.bel_part_of_team;
    expect(scoreAnswers(where.scoring, refused).find((s) => s.code === 'belonging')).toEqual(scoreAnswers(where.scoring, blank).find((s) => s.code === 'belonging'));
    expect(measures.get('construct:belonging')).toMatchObject({ value: 5.83 });
    expect(measures.get('alpha:belonging')).toBeUndefined();
  });
});
