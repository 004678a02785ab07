import { movingQuestion, questionsOf, withoutPage, withPage, withQuestion, type Json } from './form-json';
import { textIn, withText } from './localised';
import { fieldsOf, questionFrom } from './question-fields';
import { translatableTexts, withTranslations } from './translations';

const form = (): Json => ({
  title: 'Test',
  pages: [
    { name: 'page1', elements: [{ type: 'text', name: 'a', title: 'A' }, { type: 'text', name: 'b', title: 'B' }] },
    { name: 'page2', elements: [{ type: 'text', name: 'c', title: 'C' }] },
  ],
});
const order = (json: Json) => questionsOf(json).map((q) => `${q.page}:${q.name}`);

describe("the studio's edits to a form", () => {
  it('moves a question within its page, across page ends, and not past the ends of the form', () => {
    const before = form();
    expect(order(movingQuestion(before, 'b', -1))).toEqual(['0:b', '0:a', '1:c']);
    expect(order(movingQuestion(before, 'b', 1))).toEqual(['0:a', '1:b', '1:c']);
    expect(order(movingQuestion(before, 'c', -1))).toEqual(['0:a', '0:b', '0:c']);
    expect(order(movingQuestion(before, 'a', -1))).toEqual(['0:a', '0:b', '1:c']);
    expect(order(movingQuestion(before, 'c', 1))).toEqual(['0:a', '0:b', '1:c']);
    expect(order(before)).toEqual(['0:a', '0:b', '1:c']);
  });

  it('adds pages with fresh names, puts a question on a chosen page, and removes only empty pages', () => {
    const three = withPage(withoutPage(withPage(form()), 2));
    expect((three.pages as Json[]).map((p) => p.name)).toEqual(['page1', 'page2', 'page3']);
    const placed = withQuestion(three, { type: 'text', name: 'd', title: 'D' }, 1);
    expect(order(placed)).toEqual(['0:a', '0:b', '1:c', '1:d']);
    expect(withoutPage(placed, 1)).toBe(placed);
    expect((withoutPage(placed, 2).pages as Json[]).length).toBe(2);
  });

  it('keeps translations and hidden properties of what the editor leaves unchanged', () => {
    const question: Json = {
      type: 'radiogroup',
      name: 'mood',
      title: { default: 'How are you?', cy: 'Sut wyt ti?' },
      description: 'Today',
      choices: [{ value: 'good', text: { default: 'Good', cy: 'Da' } }, 'Bad'],
    };
    const fields = fieldsOf(question);
    expect(fields.choices).toEqual(['Good', 'Bad']);
    const edited = questionFrom({ ...fields, choices: ['Bad', 'Good', 'Fine'], required: true, visibleIf: "{a} = 'x'" }, question);
    expect(edited).toEqual({
      type: 'radiogroup',
      name: 'mood',
      title: { default: 'How are you?', cy: 'Sut wyt ti?' },
      description: 'Today',
      choices: ['Bad', { value: 'good', text: { default: 'Good', cy: 'Da' } }, 'Fine'],
      isRequired: true,
      visibleIf: "{a} = 'x'",
    });
    // As a rating it drops its choices and takes a scale.
    expect(questionFrom({ ...fields, type: 'rating', rateMin: 0, rateMax: 10, minLabel: 'Low', maxLabel: '' }, question)).toMatchObject({
      type: 'rating',
      rateMin: 0,
      rateMax: 10,
      minRateDescription: 'Low',
    });
    expect(questionFrom({ ...fields, type: 'rating' }, question)).not.toHaveProperty('choices');
  });

  it('changes only the logic and whether it is required of a core question', () => {
    const core: Json = { type: 'rating', name: 'bel', title: 'I belong', rateMin: 1, rateMax: 5 };
    const edited = questionFrom({ ...fieldsOf(core), title: 'Changed', rateMax: 7, required: true, enableIf: '{a} > 1' }, core, true);
    expect(edited).toEqual({ ...core, isRequired: true, enableIf: '{a} > 1' });
  });

  it('lists every text a respondent reads, and sets Welsh without touching English or values', () => {
    const question: Json = {
      type: 'radiogroup',
      name: 'where',
      title: 'Where?',
      choices: [{ value: 'host', text: 'Host' }, 'Team', 3],
    };
    expect(translatableTexts(question, 'cy').map((t) => [t.key, t.english, t.translation])).toEqual([
      ['title', 'Where?', ''],
      ['choices.0', 'Host', ''],
      ['choices.1', 'Team', ''],
      ['choices.2', '3', ''],
    ]);
    const welsh = withTranslations(question, 'cy', { title: 'Ble?', 'choices.0': 'Lletya', 'choices.1': 'Tîm', 'choices.2': '' });
    expect(welsh).toEqual({
      type: 'radiogroup',
      name: 'where',
      title: { default: 'Where?', cy: 'Ble?' },
      choices: [{ value: 'host', text: { default: 'Host', cy: 'Lletya' } }, { value: 'Team', text: { default: 'Team', cy: 'Tîm' } }, 3],
    });
    expect(translatableTexts(welsh, 'cy').map((t) => t.translation)).toEqual(['Ble?', 'Lletya', 'Tîm', '']);
    // Removing a translation gives back plain English.
    expect(withTranslations(welsh, 'cy', { title: '' }).title).toBe('Where?');
  });

  it('reads and writes one language of a localised string', () => {
    expect(textIn('Hello', 'cy')).toBe('');
    expect(withText('Hello', 'cy', 'Helo')).toEqual({ default: 'Hello', cy: 'Helo' });
    expect(withText({ default: 'Hello', cy: 'Helo' }, 'default', 'Hi')).toEqual({ default: 'Hi', cy: 'Helo' });
  });
});
