import { checkAnswers } from './check-answers';
import { INSTRUMENTS } from './instruments';
import { FOREIGN_FORM } from './validate-survey.fixtures';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
/** Every required question of Where I belong answered, favourably. */
const complete = (): Record<string, unknown> => {
  const answers: Record<string, unknown> = {};
  for (const page of where.pages) {
    for (const q of page.elements) {
      if (!q.isRequired) continue;
      answers[q.name] = q.type === 'rating' ? 4 : q.type === 'boolean' ? true : q.type === 'radiogroup' ? (q.choices as { value: string }[])[0]!.value : 'text';
    }
  }
  return answers;
};

describe('checking answers against a form', () => {
  it('accepts a complete set of answers, and one that leaves out what the logic hides', () => {
    expect(checkAnswers(where, complete())).toEqual([]);
    // why_low is shown only when mood < 4; with mood 8 it needs nothing, and stay (not required) may be left.
    expect(checkAnswers(FOREIGN_FORM, { days: ['Mon'], mood: 8, team_grid: { listened: 3 } })).toEqual([]);
  });

  it('requires a required question where it is visible, and not where the logic hides it', () => {
    const form = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'boolean', name: 'has_supervisor', title: 'Do you have a supervisor?', isRequired: true },
            { type: 'text', name: 'supervisor_role', title: 'What is their role?', isRequired: true, visibleIf: '{has_supervisor} = true' },
          ],
        },
      ],
    };
    // Checked once with everything answered, then again without: nothing carries over from one check to the next.
    expect(checkAnswers(form, { has_supervisor: true, supervisor_role: 'Pharmacist' })).toEqual([]);
    expect(checkAnswers(form, { has_supervisor: false })).toEqual([]);
    expect(checkAnswers(form, { has_supervisor: true })).toEqual([{ question: 'supervisor_role', message: '"supervisor_role" needs an answer' }]);
    expect(checkAnswers(form, {})).toEqual([{ question: 'has_supervisor', message: '"has_supervisor" needs an answer' }]);
  });

  it('refuses values a question does not allow, naming the question', () => {
    const answers = {
      ...complete(),
      bel_where: 'the moon',
      bel_part_of_team: 6,
      bel_valued: 2.5,
      stray: 'x',
    };
    expect(checkAnswers(where, answers)).toEqual([
      { question: 'bel_where', message: 'The answer to "bel_where" "the moon" is not one of its choices' },
      { question: 'bel_part_of_team', message: 'The answer to "bel_part_of_team" 6 is not on its scale of 1 to 5' },
      { question: 'bel_valued', message: 'The answer to "bel_valued" 2.5 is not on its scale of 1 to 5' },
      { question: 'stray', message: 'There is no question "stray" in this survey' },
    ]);
    expect(checkAnswers(FOREIGN_FORM, { days: ['Mon', 'Sun', 'Mon'], mood: '7', team_grid: { listened: 4, fun: 1 }, stay: 'maybe' })).toEqual([
      { question: 'days', message: 'The answer to "days" "Sun" is not one of its choices' },
      { question: 'mood', message: 'The answer to "mood" "7" is not on its scale of 1 to 10' },
      { question: 'team_grid', message: 'The answer to "team_grid" row "listened": 4 is not one of its columns' },
      { question: 'stay', message: 'The answer to "stay" must be yes or no, not "maybe"' },
    ]);
  });

  it('checks numbers and dates are well formed, and text within its length', () => {
    const form = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'hours', inputType: 'number', min: 0, max: 80, title: 'Hours a week' },
            { type: 'text', name: 'started', inputType: 'date', title: 'When did you start?' },
            { type: 'comment', name: 'notes', title: 'Notes', maxLength: 20 },
          ],
        },
      ],
    };
    expect(checkAnswers(form, { hours: 37.5, started: '2026-02-28', notes: 'fine' })).toEqual([]);
    expect(checkAnswers(form, { hours: 'lots', started: '2026-02-30', notes: 'x'.repeat(21) })).toEqual([
      { question: 'hours', message: 'The answer to "hours" must be a number, not "lots"' },
      { question: 'started', message: 'The answer to "started" must be a date (YYYY-MM-DD), not "2026-02-30"' },
      { question: 'notes', message: 'The answer to "notes" is 21 characters long; the most is 20' },
    ]);
    expect(checkAnswers(form, { hours: 81 })).toEqual([{ question: 'hours', message: 'The answer to "hours" must be at most 80' }]);
  });

  it('refuses a payload over the size limit, naming its largest answer', () => {
    const huge = { notes: 'x'.repeat(5 * 1024 * 1024) };
    expect(checkAnswers({ pages: [{ name: 'p', elements: [{ type: 'comment', name: 'notes' }] }] }, huge)).toEqual([
      { question: 'notes', message: `The answers are ${5 * 1024 * 1024 + 12} bytes; the most is 262144 (the largest is to "notes")` },
    ]);
    expect(checkAnswers(where, ['not', 'an', 'object'])).toEqual([{ question: '', message: 'Answers are a JSON object of question names and values' }]);
  });
});
