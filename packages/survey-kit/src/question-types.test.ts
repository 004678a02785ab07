import { checkAnswers } from './check-answers';
import { EVERY_TYPE_ANSWERS, EVERY_TYPE_FORM } from './question-types.fixtures';
import { validateSurvey } from './validate-survey';

const withAnswers = (changes: Record<string, unknown>) => checkAnswers(EVERY_TYPE_FORM, { ...EVERY_TYPE_ANSWERS, ...changes });

describe('every SurveyJS question type', () => {
  it('takes a form written elsewhere with a dynamic panel (its template questions are questions), multiple text, matrices, pictures, tags, a slider and an expression', () => {
    expect(validateSurvey(EVERY_TYPE_FORM)).toEqual([]);
    expect(checkAnswers(EVERY_TYPE_FORM, EVERY_TYPE_ANSWERS)).toEqual([]);
  });

  it('refuses file uploads and signatures, and a type SurveyJS does not know inside a dynamic panel, at their JSON paths', () => {
    const form = structuredClone(EVERY_TYPE_FORM) as { pages: { elements: Record<string, unknown>[] }[] };
    form.pages[1]!.elements.push({ type: 'file', name: 'cv' }, { type: 'signaturepad', name: 'sign' });
    (form.pages[0]!.elements[0]!.templateElements as Record<string, unknown>[]).push({ type: 'stars', name: 'how' });
    const problems = validateSurvey(form);
    expect(problems).toEqual([
      { path: '$.pages[0].elements[0].templateElements[2].type', message: '"stars" is not a question type SurveyJS knows' },
      { path: '$.pages[1].elements[4].type', message: expect.stringContaining('File uploads are not taken') },
      { path: '$.pages[1].elements[5].type', message: expect.stringContaining('Signatures are not taken') },
    ]);
  });

  it.each([
    ['a dynamic panel question off its choices', { placements: [{ place: 'Ward 4', weeks: 'forever' }] }, 'placements', 'panel 1: question "weeks": "forever" is not one of its choices'],
    ['a question no panel has', { placements: [{ ward: 'Ward 4' }] }, 'placements', 'panel 1: has no question "ward"'],
    ['more panels than allowed', { placements: Array.from({ length: 5 }, () => ({ place: 'x' })) }, 'placements', 'has 5 panels; the most is 4'],
    ['panels not as a list', { placements: { place: 'x' } }, 'placements', 'must give its panels as a list'],
    ['a box that takes numbers given words', { contacts: { peers: 'many' } }, 'contacts', 'box "peers": must be a number'],
    ['a box longer than it takes', { contacts: { supervisor: 'S'.repeat(41) } }, 'contacts', 'box "supervisor": is 41 characters long; the most is 40'],
    ['a box that is not there', { contacts: { mentor: 'Jo' } }, 'contacts', 'has no box "mentor"'],
    ['a matrix cell off its scale', { support: { manager: { rating: 9 } } }, 'support', 'row "manager": column "rating": 9 is not on its scale of 1 to 5'],
    ['a matrix row that is not there', { support: { director: { rating: 3 } } }, 'support', 'has no row "director"'],
    ['a matrix column that is not there', { support: { team: { colour: 'red' } } }, 'support', 'row "team": has no column "colour"'],
    ['more matrix rows than allowed', { training: Array.from({ length: 6 }, () => ({ course: 'x' })) }, 'training', 'has 6 rows; the most is 5'],
    ['a yes/no cell given words', { training: [{ course: 'x', useful: 'yes' }] }, 'training', 'row 1: column "useful": must be yes or no'],
    ['a picture that is not a choice', { mood: 'angry' }, 'mood', '"angry" is not one of its choices'],
    ['a tag that is not a choice', { topics: ['buddy', 'cake'] }, 'topics', '"cake" is not one of its choices'],
    ['a slider past its end', { settled: 11 }, 'settled', '11 is not on its scale of 0 to 10 in steps of 1'],
    ['a slider between its steps', { settled: 7.5, settled_double: 15 }, 'settled', '7.5 is not on its scale of 0 to 10 in steps of 1'],
    ['an expression that does not follow from the answers', { settled_double: 99 }, 'settled_double', 'is worked out from the other answers: 14, not 99'],
  ])('refuses %s, naming the question and where in it', (_, changes, question, words) => {
    const problems = withAnswers(changes);
    expect(problems).toEqual([{ question, message: expect.stringContaining(words) }]);
    expect(problems[0]!.message).toContain(`"${question}"`);
  });

  it('scores a slider on its own scale, as it scores a rating', () => {
    const construct = (min: number, max: number) => ({ constructs: [{ code: 'settled', items: [{ item: 'settled', min, max }] }] });
    expect(validateSurvey(EVERY_TYPE_FORM, { scoring: construct(0, 10) as never })).toEqual([]);
    expect(validateSurvey(EVERY_TYPE_FORM, { scoring: construct(1, 5) as never })).toEqual([{ path: '$scoring.constructs[0].items[0]', message: '"settled" is answered from 0 to 10, but is scored from 1 to 5' }]);
  });

  it('refuses an answer to text on the page, which takes none', () => {
    const form = { pages: [{ elements: [{ type: 'html', name: 'intro', html: '<p>Hello</p>' }, { type: 'text', name: 'name' }] }] };
    expect(validateSurvey(form)).toEqual([]);
    expect(checkAnswers(form, { intro: 'hi', name: 'Sam' })).toEqual([{ question: 'intro', message: expect.stringContaining('takes no answer') }]);
  });
});
