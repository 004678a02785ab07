import { INSTRUMENTS } from './instruments';
import type { QuestionJson } from './instruments/questions';
import { FOREIGN_FORM } from './validate-survey.fixtures';
import { validateSurvey } from './validate-survey';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
const coreItems = where.json.pages.flatMap((p) => p.elements);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('validating a form', () => {
  it.each(INSTRUMENTS.map((i) => [i.code, i] as const))('passes the shipped instrument %s as it is', (_code, instrument) => {
    expect(validateSurvey(instrument.json, { scoring: instrument.scoring, coreItems: instrument.json.pages.flatMap((p) => p.elements) })).toEqual([]);
  });

  it('passes a form written elsewhere, with pages, a matrix, a rating, a checkbox, a comment and logic', () => {
    expect(validateSurvey(FOREIGN_FORM)).toEqual([]);
  });

  it('names a duplicate question name where the second one is', () => {
    const json = copy(where.json);
    json.pages[2]!.elements.push({ type: 'text', name: 'bel_valued', title: 'Again' });
    expect(validateSurvey(json)).toEqual([
      { path: '$.pages[2].elements[3].name', message: 'The name "bel_valued" is already used at $.pages[0].elements[3]: names must be unique' },
    ]);
  });

  it('refuses logic that names a missing question, or cannot be read', () => {
    const json = copy(FOREIGN_FORM);
    (json.pages[0]!.elements[2] as QuestionJson).visibleIf = '{moood} < 4';
    (json.pages[1]!.elements[1] as QuestionJson).enableIf = "{days} contains 'Mon' and";
    expect(validateSurvey(json)).toEqual([
      { path: '$.pages[0].elements[2].visibleIf', message: 'The expression "{moood} < 4" names {moood}, but no question is called that' },
      { path: '$.pages[1].elements[1].enableIf', message: 'The expression "{days} contains \'Mon\' and" cannot be read' },
    ]);
  });

  it('refuses a scoring spec on a text question, or on the wrong scale', () => {
    const problems = validateSurvey(FOREIGN_FORM, {
      scoring: {
        constructs: [
          { code: 'c', name: 'C', higherIsBetter: true, favourableAt: 7.5, items: [{ item: 'why_low', min: 1, max: 5 }, { item: 'mood', min: 1, max: 5 }, { item: 'gone', min: 1, max: 5 }] },
        ],
      },
    });
    expect(problems).toEqual([
      { path: '$scoring.constructs[0].items[0]', message: '"why_low" is a comment question: only ratings, yes/no and numeric choices can be scored' },
      { path: '$scoring.constructs[0].items[1]', message: '"mood" is answered from 1 to 10, but is scored from 1 to 5' },
      { path: '$scoring.constructs[0].items[2]', message: 'The scoring of c uses "gone", which is not a question in this form' },
    ]);
  });

  it('refuses changing the wording or scale of a core question, or removing one; allows logic on it and local questions', () => {
    const changed = copy(where.json);
    changed.pages[0]!.elements[1]!.title = 'I feel part of a really great team.';
    changed.pages[0]!.elements[2]!.rateMax = 7;
    changed.pages[1]!.elements.splice(0, 1);
    expect(validateSurvey(changed, { coreItems })).toEqual([
      { path: '$.pages[0].elements[1].title', message: '"bel_part_of_team" is a core question: its wording cannot change (it keeps scores comparable)' },
      { path: '$.pages[0].elements[2].rateMax', message: '"bel_accepted" is a core question: its rateMax cannot change (it keeps scores comparable)' },
      { path: '$', message: 'The core question "bel_peer_contact" is missing: core questions come from the instrument and cannot be removed' },
    ]);
    const extended = copy(where.json);
    extended.pages[0]!.elements[4]!.visibleIf = "{bel_where} = 'nowhere'";
    extended.pages[0]!.elements[1]!.title = { default: 'I feel part of a team.', cy: 'Rwy’n teimlo’n rhan o dîm.' } as unknown as string;
    extended.pages.push({ name: 'local', elements: [{ type: 'text', name: 'loc_hopes', title: 'What do you hope for?' }] });
    expect(validateSurvey(extended, { coreItems })).toEqual([]);
  });

  it('lets a trust translate core questions, choices and labels into Welsh, but not change their English', () => {
    const translated = copy(where.json);
    const choices = translated.pages[0]!.elements[0]!.choices as { value: string; text: unknown }[];
    choices[3]!.text = { default: 'Nowhere in particular', cy: 'Unman yn benodol' };
    translated.pages[0]!.elements[1]!.minRateDescription = { default: 'Strongly disagree', cy: 'Anghytuno’n gryf' };
    expect(validateSurvey(translated, { coreItems })).toEqual([]);
    choices[3]!.text = { default: 'Nowhere at all', cy: 'Unman o gwbl' };
    expect(validateSurvey(translated, { coreItems })).toEqual([
      { path: '$.pages[0].elements[0].choices', message: '"bel_where" is a core question: its choices cannot change (it keeps scores comparable)' },
    ]);
    // A plain-string choice and the same choice written as an item with a Welsh text are the same choice.
    const plain = { pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'q', title: 'Q', choices: ['Yes', 'No'] }] }] };
    const items = { pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'q', title: 'Q', choices: [{ value: 'Yes', text: { default: 'Yes', cy: 'Ydw' } }, 'No'] }] }] };
    expect(validateSurvey(items, { coreItems: plain.pages[0]!.elements })).toEqual([]);
  });

  it('refuses what SurveyJS cannot load, and forms beyond the limits', () => {
    expect(validateSurvey('not a form')).toEqual([{ path: '$', message: 'A form is a JSON object with pages' }]);
    const odd = copy(FOREIGN_FORM);
    odd.pages[0]!.elements[0]!.type = 'telepathy';
    expect(validateSurvey(odd)).toContainEqual({ path: '$.pages[0].elements[0].type', message: '"telepathy" is not a question type SurveyJS knows' });
    const big = { pages: [{ name: 'p', elements: Array.from({ length: 501 }, (_, i) => ({ type: 'text', name: `q${i}`, title: 'Q' })) }] };
    expect(validateSurvey(big)).toContainEqual({ path: '$', message: 'The form has 501 questions; the limit is 500' });
    // Too large is refused before the costly checks: 5,000 questions (each with script in its title) give that one problem alone.
    const huge = { pages: [{ name: 'p', elements: Array.from({ length: 5000 }, (_, i) => ({ type: 'text', name: `q${i % 10}`, title: '<img src=x onerror=alert(1)>' })) }] };
    expect(validateSurvey(huge)).toEqual([{ path: '$', message: 'The form has 5000 questions; the limit is 500' }]);
  });
});
