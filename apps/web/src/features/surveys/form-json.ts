/** Small, pure edits to a SurveyJS form for the studio. */
export interface QuestionSummary {
  name: string;
  type: string;
  title: string;
  page: number;
}

type Json = Record<string, unknown>;
type Page = { name?: string; elements?: Json[] };

const pagesOf = (form: Json): Page[] => (Array.isArray(form.pages) ? (form.pages as Page[]) : []);

export function titleText(title: unknown): string {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'default' in title) return String((title as { default: unknown }).default);
  return '';
}

export function questionsOf(form: Json): QuestionSummary[] {
  return pagesOf(form).flatMap((page, index) =>
    (page.elements ?? []).map((q) => ({ name: String(q.name), type: String(q.type), title: titleText(q.title) || String(q.name), page: index })),
  );
}

/** The form with a question added at the end of its last page. */
export function withQuestion(form: Json, question: Json): Json {
  const pages = pagesOf(form).map((p) => ({ ...p, elements: [...(p.elements ?? [])] }));
  if (!pages.length) pages.push({ name: 'page1', elements: [] });
  pages[pages.length - 1]!.elements!.push(question);
  return { ...form, pages };
}

/** The form without the question called `name`. */
export function withoutQuestion(form: Json, name: string): Json {
  return { ...form, pages: pagesOf(form).map((p) => ({ ...p, elements: (p.elements ?? []).filter((q) => q.name !== name) })) };
}

export const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'ranking']);
export const QUESTION_TYPES: [string, string][] = [
  ['text', 'Short text'],
  ['comment', 'Long text'],
  ['radiogroup', 'One choice (radio buttons)'],
  ['checkbox', 'Several choices (checkboxes)'],
  ['dropdown', 'One choice (drop-down)'],
  ['rating', 'Rating 1 to 5'],
  ['boolean', 'Yes or no'],
  ['ranking', 'Ranking'],
];

/** A new local question from the studio's form fields. */
export function newQuestion(type: string, name: string, title: string, choices: string[]): Json {
  const question: Json = { type, name, title };
  if (CHOICE_TYPES.has(type)) question.choices = choices;
  if (type === 'rating') Object.assign(question, { rateMin: 1, rateMax: 5 });
  return question;
}
