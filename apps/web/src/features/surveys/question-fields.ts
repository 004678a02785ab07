/** A question as the studio's editor shows it, and back to SurveyJS JSON. */
import type { Json } from './form-json';
import { textIn, withText } from './localised';

export const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'ranking']);
export const QUESTION_TYPES: [string, string][] = [
  ['text', 'Short text'],
  ['comment', 'Long text'],
  ['radiogroup', 'One choice (radio buttons)'],
  ['checkbox', 'Several choices (checkboxes)'],
  ['dropdown', 'One choice (drop-down)'],
  ['rating', 'Rating scale'],
  ['boolean', 'Yes or no'],
  ['matrix', 'Grid (rows rated on the same columns)'],
  ['ranking', 'Ranking'],
];

export interface QuestionFields {
  type: string;
  name: string;
  title: string;
  required: boolean;
  /** Lines: choices (choice types), or the grid's rows and columns (matrix). */
  choices: string[];
  rows: string[];
  columns: string[];
  rateMin: number;
  rateMax: number;
  minLabel: string;
  maxLabel: string;
  /** SurveyJS expressions, e.g. `{bel_where} = 'nowhere'`; '' for none. */
  visibleIf: string;
  enableIf: string;
}

type Item = string | number | Json;
const items = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);
const itemText = (item: Item): string =>
  typeof item === 'object' ? textIn(item.text, 'default') || String(item.value ?? '') : String(item);

export function fieldsOf(question: Json): QuestionFields {
  return {
    type: String(question.type ?? 'text'),
    name: String(question.name ?? ''),
    title: textIn(question.title, 'default'),
    required: question.isRequired === true,
    choices: items(question.choices).map(itemText),
    rows: items(question.rows).map(itemText),
    columns: items(question.columns).map(itemText),
    rateMin: Number(question.rateMin ?? 1),
    rateMax: Number(question.rateMax ?? 5),
    minLabel: textIn(question.minRateDescription, 'default'),
    maxLabel: textIn(question.maxRateDescription, 'default'),
    visibleIf: typeof question.visibleIf === 'string' ? question.visibleIf : '',
    enableIf: typeof question.enableIf === 'string' ? question.enableIf : '',
  };
}

/** Lines as items, keeping an earlier item (its value, its translations) wherever its English text is unchanged. */
function itemsFrom(lines: string[], previous: unknown): Item[] {
  const earlier = items(previous);
  return lines.map((line) => earlier.find((item) => itemText(item) === line) ?? line);
}

function set(question: Json, key: string, value: unknown) {
  if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete question[key];
  else question[key] = value;
}

/**
 * The question from the editor's fields, on top of what it was (so properties the editor does
 * not show, and translations of unchanged text, survive). A core question takes only its
 * logic and whether it is required: its wording, choices and scale are the instrument's.
 */
export function questionFrom(fields: QuestionFields, previous: Json = {}, core = false): Json {
  const question: Json = { ...previous };
  set(question, 'isRequired', fields.required || undefined);
  set(question, 'visibleIf', fields.visibleIf.trim());
  set(question, 'enableIf', fields.enableIf.trim());
  if (core) return question;
  question.type = fields.type;
  question.name = fields.name;
  question.title = withText(previous.title, 'default', fields.title);
  set(question, 'choices', CHOICE_TYPES.has(fields.type) ? itemsFrom(fields.choices, previous.choices) : undefined);
  set(question, 'rows', fields.type === 'matrix' ? itemsFrom(fields.rows, previous.rows) : undefined);
  set(question, 'columns', fields.type === 'matrix' ? itemsFrom(fields.columns, previous.columns) : undefined);
  const rating = fields.type === 'rating';
  set(question, 'rateMin', rating ? fields.rateMin : undefined);
  set(question, 'rateMax', rating ? fields.rateMax : undefined);
  set(question, 'minRateDescription', rating ? withText(previous.minRateDescription, 'default', fields.minLabel) : undefined);
  set(question, 'maxRateDescription', rating ? withText(previous.maxRateDescription, 'default', fields.maxLabel) : undefined);
  return question;
}

/** Lines of a textarea: trimmed, blank ones dropped. */
export const linesOf = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
