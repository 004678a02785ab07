import { Model, settings, type Question } from 'survey-core';
import { isObject } from './form-elements';
import { isRefusal } from './prefer-not-to-say';

/** One problem with a set of answers: which question, and what is wrong, in plain words. */
export interface AnswerProblem {
  question: string;
  message: string;
}

export interface AnswerLimits {
  /** Longest text answer, in characters. */
  maxTextLength: number;
  /** Largest set of answers, as JSON text. */
  maxBytes: number;
}

export const DEFAULT_ANSWER_LIMITS: AnswerLimits = { maxTextLength: 10_000, maxBytes: 256 * 1024 };

export interface AnswerOptions {
  limits?: AnswerLimits;
  /** The campaign offers "Prefer not to say": any choice or scale question (not one inside a dynamic panel or a cell) may hold it, and it answers a required one. */
  preferNotToSay?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown) => typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);

/** Models by form text, most recently used last: building one costs milliseconds, reusing one almost nothing. */
const models = new Map<string, Model>();
const MODELS_KEPT = 50;

/**
 * A SurveyJS model of the form, with no answers in it; its console warnings kept quiet (the
 * form was checked when it was saved). Reused between calls: checking runs synchronously, so
 * no two checks share one at the same time.
 */
function modelOf(form: unknown): Model {
  const key = JSON.stringify(form);
  let model = models.get(key);
  if (model) models.delete(key);
  else {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      model = new Model(form);
    } finally {
      console.warn = warn;
    }
  }
  models.set(key, model);
  if (models.size > MODELS_KEPT) models.delete(models.keys().next().value!);
  model.clear(true, true);
  return model;
}

const valuesOf = (items: { value: unknown }[]) => items.map((item) => item.value);
const sameValue = (allowed: unknown[], value: unknown) => allowed.some((a) => a === value || (typeof a === 'number' && String(a) === value) || (typeof value === 'number' && String(value) === a));
const quoted = (value: unknown) => JSON.stringify(value)?.slice(0, 80);

/** What is wrong with one question's value, or null when it is allowed. */
function valueProblem(question: Question, value: unknown, limits: AnswerLimits): string | null {
  const q = question as Question & Record<string, unknown>;
  const type = question.getType();
  const text = (v: unknown, max = Number(q.maxLength) > 0 ? Number(q.maxLength) : limits.maxTextLength) =>
    typeof v !== 'string' ? 'must be text' : v.length > max ? `is ${v.length} characters long; the most is ${max}` : null;
  switch (type) {
    case 'text': {
      const inputType = String(q.inputType ?? 'text');
      if (inputType === 'number' || inputType === 'range') {
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        if (!Number.isFinite(n)) return `must be a number, not ${quoted(value)}`;
        if (q.min !== undefined && q.min !== '' && n < Number(q.min)) return `must be at least ${String(q.min)}`;
        if (q.max !== undefined && q.max !== '' && n > Number(q.max)) return `must be at most ${String(q.max)}`;
        return null;
      }
      if (inputType === 'date') return isDay(value) ? null : `must be a date (YYYY-MM-DD), not ${quoted(value)}`;
      return text(value);
    }
    case 'comment':
      return text(value);
    case 'imagepicker':
      // One picture, or several when the question allows it, from its choices.
      return q.multiSelect ? valueProblem(asChoices(question, 'checkbox'), value, limits) : valueProblem(asChoices(question, 'radiogroup'), value, limits);
    case 'radiogroup':
    case 'dropdown': {
      const allowed = valuesOf(q.choices as { value: unknown }[]);
      if (q.showOtherItem && value === 'other') return null;
      if (q.showNoneItem && value === 'none') return null;
      return sameValue(allowed, value) ? null : `${quoted(value)} is not one of its choices`;
    }
    case 'checkbox':
    case 'tagbox': {
      if (!Array.isArray(value)) return 'must be a list of choices';
      const allowed = [...valuesOf(q.choices as { value: unknown }[]), ...(q.showOtherItem ? ['other'] : []), ...(q.showNoneItem ? ['none'] : [])];
      const wrong = value.find((v) => !sameValue(allowed, v));
      if (wrong !== undefined) return `${quoted(wrong)} is not one of its choices`;
      return new Set(value.map(String)).size === value.length ? null : 'names a choice twice';
    }
    case 'ranking': {
      if (!Array.isArray(value)) return 'must be a list of choices in order';
      const allowed = valuesOf(q.choices as { value: unknown }[]);
      const wrong = value.find((v) => !sameValue(allowed, v));
      if (wrong !== undefined) return `${quoted(wrong)} is not one of its choices`;
      return new Set(value.map(String)).size === value.length ? null : 'ranks a choice twice';
    }
    case 'rating': {
      const n = typeof value === 'number' ? value : NaN;
      const rateValues = q.rateValues as { value: unknown }[] | undefined;
      if (rateValues?.length) return sameValue(valuesOf(rateValues), value) ? null : `${quoted(value)} is not on its scale`;
      const min = Number(q.rateMin ?? 1);
      const max = Number(q.rateMax ?? 5);
      const step = Number(q.rateStep ?? 1);
      if (!Number.isFinite(n) || n < min || n > max || Math.abs((n - min) / step - Math.round((n - min) / step)) > 1e-9) {
        return `${quoted(value)} is not on its scale of ${min} to ${max}`;
      }
      return null;
    }
    case 'boolean': {
      const allowed = [q.valueTrue ?? true, q.valueFalse ?? false];
      return allowed.some((a) => a === value) ? null : `must be yes or no, not ${quoted(value)}`;
    }
    case 'matrix': {
      if (!isObject(value)) return 'must give an answer for each row';
      const rows = valuesOf(q.rows as { value: unknown }[]);
      const columns = valuesOf(q.columns as { value: unknown }[]);
      for (const [row, column] of Object.entries(value)) {
        if (!sameValue(rows, row)) return `has no row ${quoted(row)}`;
        if (!sameValue(columns, column)) return `row ${quoted(row)}: ${quoted(column)} is not one of its columns`;
      }
      return null;
    }
    case 'multipletext': {
      if (!isObject(value)) return 'must give its boxes as an object of box names and values';
      const items = q.items as { name: string; editor: Question }[];
      for (const [name, given] of Object.entries(value)) {
        const item = items.find((i) => i.name === name);
        if (!item) return `has no box ${quoted(name)}`;
        const problem = given === null ? null : valueProblem(item.editor, given, limits);
        if (problem) return `box ${quoted(name)}: ${problem}`;
      }
      return null;
    }
    case 'paneldynamic': {
      if (!Array.isArray(value)) return 'must give its panels as a list';
      const count = countProblem(value.length, q.minPanelCount, q.maxPanelCount, settings.panel.maxPanelCount, 'panels');
      if (count) return count;
      const template = q.template as { getQuestionByName(name: string): Question | null };
      for (const [index, panel] of value.entries()) {
        const problem = namedValuesProblem(panel, (name) => template.getQuestionByName(name), 'question', limits);
        if (problem) return `panel ${index + 1}: ${problem}`;
      }
      return null;
    }
    case 'matrixdropdown': {
      if (!isObject(value)) return 'must give an object of rows';
      const rows = valuesOf(q.rows as { value: unknown }[]);
      for (const [row, cells] of Object.entries(value)) {
        if (!sameValue(rows, row)) return `has no row ${quoted(row)}`;
        const problem = namedValuesProblem(cells, (name) => cellQuestion(question, name), 'column', limits);
        if (problem) return `row ${quoted(row)}: ${problem}`;
      }
      return null;
    }
    case 'matrixdynamic': {
      if (!Array.isArray(value)) return 'must give its rows as a list';
      const count = countProblem(value.length, q.minRowCount, q.maxRowCount, settings.matrix.maxRowCount, 'rows');
      if (count) return count;
      for (const [index, cells] of value.entries()) {
        const problem = namedValuesProblem(cells, (name) => cellQuestion(question, name), 'column', limits);
        if (problem) return `row ${index + 1}: ${problem}`;
      }
      return null;
    }
    case 'slider': {
      const min = Number(q.min ?? 0);
      const max = Number(q.max ?? 100);
      const step = Number(q.step ?? 1);
      const onScale = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max && Math.abs((n - min) / step - Math.round((n - min) / step)) < 1e-9;
      if (q.sliderType === 'range') {
        return Array.isArray(value) && value.length === 2 && value.every(onScale) && (value[0] as number) <= (value[1] as number)
          ? null
          : `must be two points from ${min} to ${max}, the lower first, not ${quoted(value)}`;
      }
      return onScale(value) ? null : `${quoted(value)} is not on its scale of ${min} to ${max} in steps of ${step}`;
    }
    case 'expression':
      // Worked out from the other answers (checked against that below): a value, never an object.
      return ['string', 'number', 'boolean'].includes(typeof value) ? null : 'must be a single value';
    case 'html':
    case 'image':
      return 'is text or a picture on the page, not a question: it takes no answer';
    default:
      // File uploads and signatures are refused when a form is saved; anything else is not stored unchecked.
      return `is a question of type "${type}", whose answers Harbour does not store`;
  }
}

/** What is wrong with how many panels or rows were given, against the question's fewest and most (SurveyJS's most when it sets none). */
function countProblem(count: number, fewest: unknown, most: unknown, defaultMost: number, what: 'panels' | 'rows'): string | null {
  const upTo = Number(most) || defaultMost;
  const from = Number(fewest) || 0;
  if (count > upTo) return `has ${count} ${what}; the most is ${upTo}`;
  if (count < from) return `has ${count} ${what}; the fewest is ${from}`;
  return null;
}

/** A stand-in question of `type` with `question`'s choices, to check a choice type's value. */
function asChoices(question: Question, type: 'radiogroup' | 'checkbox'): Question {
  const q = question as Question & Record<string, unknown>;
  return { getType: () => type, choices: q.choices, showOtherItem: false, showNoneItem: false } as unknown as Question;
}

/** The question a matrix's cells in `column` are answered with, given the matrix's choices where the column has none. */
function cellQuestion(matrix: Question, column: string): Question | null {
  const found = (matrix as unknown as { getColumnByName(name: string): { templateQuestion: Question & { choices?: unknown[] } } | null }).getColumnByName(column);
  if (!found) return null;
  const cell = found.templateQuestion;
  const matrixChoices = (matrix as unknown as { choices?: unknown[] }).choices;
  if (Array.isArray(cell.choices) && !cell.choices.length && matrixChoices?.length) cell.choices = matrixChoices;
  return cell;
}

/** What is wrong with an object of names and values (a dynamic panel's questions, a matrix row's cells), or null. */
function namedValuesProblem(given: unknown, questionOf: (name: string) => Question | null, what: 'question' | 'column', limits: AnswerLimits): string | null {
  if (!isObject(given)) return `must be an object of ${what} names and values`;
  for (const [name, value] of Object.entries(given)) {
    const question = questionOf(name);
    if (!question) return `has no ${what} ${quoted(name)}`;
    const problem = value === null || value === undefined ? null : valueProblem(question, value, limits);
    if (problem) return `${what} ${quoted(name)}: ${problem}`;
  }
  return null;
}

/**
 * Every problem with a respondent's answers to a form, by question: every answer names a
 * question in the form and is a value that question allows; every required question that is
 * visible under the form's logic (given these answers) is answered; the whole is not too large.
 * An empty list means the answers may be stored. Hidden questions need no answer.
 */
export function checkAnswers(form: unknown, answers: unknown, options: AnswerOptions = {}): AnswerProblem[] {
  const limits = options.limits ?? DEFAULT_ANSWER_LIMITS;
  if (!isObject(answers)) return [{ question: '', message: 'Answers are a JSON object of question names and values' }];
  const bytes = Buffer.byteLength(JSON.stringify(answers));
  if (bytes > limits.maxBytes) {
    const [largest] = Object.entries(answers)
      .map(([name, value]) => [name, Buffer.byteLength(JSON.stringify(value) ?? '')] as const)
      .sort((a, b) => b[1] - a[1]);
    return [{ question: largest?.[0] ?? '', message: `The answers are ${bytes} bytes; the most is ${limits.maxBytes} (the largest is to "${largest?.[0]}")` }];
  }
  const model = modelOf(form);
  const problems: AnswerProblem[] = [];
  for (const [name, value] of Object.entries(answers)) {
    // SurveyJS keeps "other" text as `<name>-Comment`.
    const base = name.endsWith('-Comment') ? name.slice(0, -'-Comment'.length) : name;
    const question = model.getQuestionByName(base);
    if (!question) {
      problems.push({ question: name, message: `There is no question "${name}" in this survey` });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (options.preferNotToSay && base === name && !question.parentQuestion && isRefusal(question.getType(), value)) continue;
    const problem = base === name ? valueProblem(question, value, limits) : typeof value === 'string' && value.length <= limits.maxTextLength ? null : 'must be text';
    if (problem) problems.push({ question: name, message: `The answer to "${name}" ${problem}` });
  }
  // Logic reads the answers given (only those that are well formed, so a bad value cannot open a path).
  const wrong = new Set(problems.map((p) => p.question));
  model.data = Object.fromEntries(Object.entries(answers).filter(([name]) => !wrong.has(name)));
  for (const question of model.getAllQuestions(true)) {
    // An expression's value is SurveyJS's, worked out from the answers: one sent otherwise is refused
    // (checked once the answers it is worked out from are right: with one refused, it would differ anyway).
    if (question.getType() === 'expression') {
      if (wrong.size || !(question.name in answers)) continue;
      const expected = question.value as unknown;
      if (JSON.stringify(expected) !== JSON.stringify(answers[question.name])) {
        problems.push({ question: question.name, message: `The answer to "${question.name}" is worked out from the other answers: ${quoted(expected)}, not ${quoted(answers[question.name])}` });
      }
      continue;
    }
    if (wrong.has(question.name) || !question.isRequired || !question.isVisible || question.isReadOnly || !question.page?.isVisible) continue;
    if (question.isEmpty()) problems.push({ question: question.name, message: `"${question.name}" needs an answer` });
  }
  return problems;
}
