import { ConditionRunner, ConditionsParser, ElementFactory, Model } from 'survey-core';
import { elementsOf, isObject, type LocatedElement } from './form-elements';
import type { QuestionJson } from './instruments/questions';
import { markupProblems } from './markup';
import type { ScoringSpec } from './scoring';

/** One problem with a form, where it is (a JSON path such as `$.pages[0].elements[2].visibleIf`) and what is wrong. */
export interface SurveyProblem {
  path: string;
  message: string;
}

export interface SurveyLimits {
  /** Most questions in one form. */
  maxQuestions: number;
  /** Largest form, as JSON text. */
  maxBytes: number;
}

export const DEFAULT_SURVEY_LIMITS: SurveyLimits = { maxQuestions: 500, maxBytes: 1024 * 1024 };

export interface ValidateOptions {
  scoring?: ScoringSpec;
  /** Questions from an instrument, which must be present and unchanged in wording, choices and scale. */
  coreItems?: QuestionJson[];
  limits?: SurveyLimits;
}

/** Variables an expression may use that are not question names: inside matrices, dynamic panels and choices. */
const CONTEXT_PREFIXES = new Set(['row', 'panel', 'parentpanel', 'rootpanel', 'item', 'choice', 'self', 'locale']);

const isPanel = (element: Record<string, unknown>) => element.type === 'panel' || element.type === 'paneldynamic';

function equivalent(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(asItems(a))) === JSON.stringify(normalise(asItems(b)));
}

/** Lists of items (choices, rows, columns) read alike whether an item is `"x"` or `{ value: "x", text: "x" }` (with translations). */
function asItems(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (typeof item === 'string' || typeof item === 'number') return { value: item, text: String(item) };
    if (isObject(item) && 'value' in item && !('text' in item)) return { ...item, text: String(item.value) };
    return item;
  });
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (isObject(value)) {
    if ('default' in value && Object.keys(value).every((k) => k === 'default' || /^[a-z]{2}(-[a-z]{2})?$/i.test(k))) return normalise(value.default);
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalise(value[k])]));
  }
  return value;
}

/** The properties of a core question a trust may not change: its wording, choices and scale. */
const LOCKED = ['type', 'title', 'choices', 'rateMin', 'rateMax', 'rateValues', 'rateStep', 'minRateDescription', 'maxRateDescription', 'labelTrue', 'labelFalse', 'columns', 'rows'];

/**
 * Question types survey-core has whose answers Harbour does not take, and why: a form holding one
 * is refused. Every other type is stored, each answer checked (check-answers.ts).
 */
const NOT_STORED: Record<string, string> = {
  file: 'File uploads are not taken: Harbour stores answers, not files (a file could carry anything, and name its sender)',
  signaturepad: 'Signatures are not taken: a signature names its writer, which no survey in Harbour needs',
};

/**
 * Every problem with a form, by JSON path, in plain words; an empty list when it may be saved.
 * Checks that it is SurveyJS JSON that loads without errors, that question names are unique,
 * that every logic expression reads and names questions that exist, that the scoring spec
 * scores numeric questions on their own scales, that core items are all there and unchanged,
 * that no text carries script or other markup outside the allow-list (markup.ts), and that
 * it is not too large.
 */
export function validateSurvey(json: unknown, options: ValidateOptions = {}): SurveyProblem[] {
  const limits = options.limits ?? DEFAULT_SURVEY_LIMITS;
  const problems: SurveyProblem[] = [];
  if (!isObject(json)) return [{ path: '$', message: 'A form is a JSON object with pages' }];
  const bytes = Buffer.byteLength(JSON.stringify(json));
  if (bytes > limits.maxBytes) problems.push({ path: '$', message: `The form is ${bytes} bytes of JSON; the limit is ${limits.maxBytes}` });
  if (!Array.isArray(json.pages) && !Array.isArray(json.elements)) problems.push({ path: '$.pages', message: 'A form needs a list of pages' });

  const elements = elementsOf(json);
  const questions = elements.filter((e) => !isPanel(e.json));
  if (questions.length > limits.maxQuestions) {
    problems.push({ path: '$', message: `The form has ${questions.length} questions; the limit is ${limits.maxQuestions}` });
  }
  // Too large to check further: refused before the costly checks (markup, SurveyJS's own reading) run at all.
  if (problems.length) return problems;

  problems.push(...markupProblems(json));
  const byName = new Map<string, LocatedElement>();
  for (const element of elements) {
    const name = element.json.name;
    if (typeof name !== 'string' || !name.trim()) {
      problems.push({ path: `${element.path}.name`, message: 'Every question and panel needs a name' });
      continue;
    }
    const earlier = byName.get(name);
    if (earlier) problems.push({ path: `${element.path}.name`, message: `The name "${name}" is already used at ${earlier.path}: names must be unique` });
    else byName.set(name, element);
  }

  // SurveyJS's own reading of the JSON: unknown properties, wrong types, unknown question types.
  let model: Model | null = null;
  // SurveyJS warns on the console about bad expressions as it loads; they are reported below instead.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    model = new Model(json);
  } catch (error) {
    problems.push({ path: '$', message: `SurveyJS cannot load the form: ${(error as Error).message}` });
  } finally {
    console.warn = warn;
  }
  for (const error of model?.jsonErrors ?? []) {
    // An element of a type SurveyJS has no class for: said below, at the element's own path.
    if (/^The property type is incorrect in the object\. Please take a look at property: '(elements|templateElements)'/.test(error.message)) continue;
    const name = (error as { element?: { name?: string } }).element?.name;
    problems.push({ path: (name && byName.get(name)?.path) || '$', message: error.message });
  }
  // Every element's type, dynamic panels' template questions included: one SurveyJS has, and one whose answers Harbour stores.
  for (const element of elements) {
    const type = element.json.type;
    if (typeof type !== 'string') continue;
    if (!ElementFactory.Instance.getAllTypes().includes(type.toLowerCase())) {
      problems.push({ path: `${element.path}.type`, message: `"${type}" is not a question type SurveyJS knows` });
    } else if (NOT_STORED[type.toLowerCase()]) {
      problems.push({ path: `${element.path}.type`, message: NOT_STORED[type.toLowerCase()]! });
    }
  }

  // Logic: every expression must read, and name only questions (or calculated values) that exist.
  const known = new Set([...byName.keys(), ...(Array.isArray(json.calculatedValues) ? json.calculatedValues.filter(isObject).map((c) => String(c.name)) : [])]);
  const parser = new ConditionsParser();
  const checkExpressions = (owner: Record<string, unknown>, path: string) => {
    for (const [key, value] of Object.entries(owner)) {
      if (typeof value !== 'string' || !(/If$/.test(key) || key === 'expression')) continue;
      if (!parser.parseExpression(value)) {
        problems.push({ path: `${path}.${key}`, message: `The expression "${value}" cannot be read` });
        continue;
      }
      for (const variable of new ConditionRunner(value).getVariables()) {
        const base = variable.split(/[.[]/)[0]!;
        if (!known.has(base) && !CONTEXT_PREFIXES.has(base.toLowerCase())) {
          problems.push({ path: `${path}.${key}`, message: `The expression "${value}" names {${base}}, but no question is called that` });
        }
      }
    }
  };
  if (Array.isArray(json.pages)) json.pages.forEach((page, index) => isObject(page) && checkExpressions(page, `$.pages[${index}]`));
  for (const element of elements) {
    checkExpressions(element.json, element.path);
    if (Array.isArray(element.json.columns)) {
      element.json.columns.forEach((column, index) => isObject(column) && checkExpressions(column, `${element.path}.columns[${index}]`));
    }
  }

  // Scoring: numeric questions only, on their own scales.
  options.scoring?.constructs.forEach((construct, c) => {
    construct.items.forEach((item, i) => {
      const path = `$scoring.constructs[${c}].items[${i}]`;
      const question = byName.get(item.item)?.json;
      if (!question) {
        problems.push({ path, message: `The scoring of ${construct.code} uses "${item.item}", which is not a question in this form` });
        return;
      }
      const scale = scaleOf(question);
      if (!scale) problems.push({ path, message: `"${item.item}" is a ${String(question.type)} question: only ratings, yes/no and numeric choices can be scored` });
      else if (scale.min !== item.min || scale.max !== item.max) {
        problems.push({ path, message: `"${item.item}" is answered from ${scale.min} to ${scale.max}, but is scored from ${item.min} to ${item.max}` });
      }
    });
  });

  // Core items: present, and unchanged in wording, choices and scale.
  for (const core of options.coreItems ?? []) {
    const found = byName.get(core.name);
    if (!found) {
      problems.push({ path: '$', message: `The core question "${core.name}" is missing: core questions come from the instrument and cannot be removed` });
      continue;
    }
    for (const key of LOCKED) {
      if (!(key in core) && !(key in found.json)) continue;
      if (!equivalent(core[key], found.json[key])) {
        problems.push({
          path: `${found.path}.${key}`,
          message: `"${core.name}" is a core question: its ${key === 'title' ? 'wording' : key} cannot change (it keeps scores comparable)`,
        });
      }
    }
  }
  return problems;
}

/** The numeric range a question is answered on (a rating, yes/no, a one-point slider, numeric choices), or null when it has none. */
function scaleOf(question: Record<string, unknown>): { min: number; max: number } | null {
  if (question.type === 'boolean') return { min: 0, max: 1 };
  if (question.type === 'rating') {
    if (Array.isArray(question.rateValues) && question.rateValues.length) {
      const values = question.rateValues.map((v) => Number(isObject(v) ? v.value : v));
      return values.every(Number.isFinite) ? { min: Math.min(...values), max: Math.max(...values) } : null;
    }
    return { min: Number(question.rateMin ?? 1), max: Number(question.rateMax ?? 5) };
  }
  if (question.type === 'slider' && question.sliderType !== 'range') return { min: Number(question.min ?? 0), max: Number(question.max ?? 100) };
  if ((question.type === 'radiogroup' || question.type === 'dropdown') && Array.isArray(question.choices) && question.choices.length) {
    const values = question.choices.map((c) => Number(isObject(c) ? c.value : c));
    return values.every(Number.isFinite) ? { min: Math.min(...values), max: Math.max(...values) } : null;
  }
  return null;
}

