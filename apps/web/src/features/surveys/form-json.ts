/** Small, pure edits to a SurveyJS form's structure for the studio: pages and the questions on them. */
export type Json = Record<string, unknown>;
export type Page = Json & { name?: string; title?: unknown; elements?: Json[] };

export interface QuestionSummary {
  name: string;
  type: string;
  title: string;
  /** The page it is on, from 0. */
  page: number;
}

export const pagesOf = (form: Json): Page[] => (Array.isArray(form.pages) ? (form.pages as Page[]) : []);

/** A localised string's English (default) text; a plain string is its own. */
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

export function questionNamed(form: Json, name: string): Json | undefined {
  for (const page of pagesOf(form)) for (const q of page.elements ?? []) if (q.name === name) return q;
  return undefined;
}

/** The form's pages, copied down to their element lists, so edits never touch the original. */
function copyPages(form: Json): Page[] {
  return pagesOf(form).map((p) => ({ ...p, elements: [...(p.elements ?? [])] }));
}

/** The form with a question added at the end of a page (the last when not given). */
export function withQuestion(form: Json, question: Json, page?: number): Json {
  const pages = copyPages(form);
  if (!pages.length) pages.push({ name: 'page1', elements: [] });
  const target = page === undefined ? pages.length - 1 : Math.min(Math.max(page, 0), pages.length - 1);
  pages[target]!.elements!.push(question);
  return { ...form, pages };
}

/** The form with the question called `name` replaced, where it stands. */
export function replacingQuestion(form: Json, name: string, question: Json): Json {
  return { ...form, pages: pagesOf(form).map((p) => ({ ...p, elements: (p.elements ?? []).map((q) => (q.name === name ? question : q)) })) };
}

/** The form without the question called `name`. */
export function withoutQuestion(form: Json, name: string): Json {
  return { ...form, pages: pagesOf(form).map((p) => ({ ...p, elements: (p.elements ?? []).filter((q) => q.name !== name) })) };
}

/**
 * The form with a question moved one place up (-1) or down (+1). From the top of a page it goes
 * to the end of the page before; from the bottom, to the start of the page after. At the very
 * start or end of the form it stays.
 */
export function movingQuestion(form: Json, name: string, step: -1 | 1): Json {
  const pages = copyPages(form);
  const p = pages.findIndex((page) => page.elements!.some((q) => q.name === name));
  if (p < 0) return form;
  const elements = pages[p]!.elements!;
  const i = elements.findIndex((q) => q.name === name);
  const [question] = elements.splice(i, 1);
  // Within the page while there is room: up from any but the first, down from any but the last.
  if (step === -1 ? i > 0 : i < elements.length) {
    elements.splice(i + step, 0, question!);
    return { ...form, pages };
  }
  if (step === -1 && p > 0) pages[p - 1]!.elements!.push(question!);
  else if (step === 1 && p < pages.length - 1) pages[p + 1]!.elements!.unshift(question!);
  else elements.splice(i, 0, question!);
  return { ...form, pages };
}

/** The form with an empty page added at the end, named so no other page has its name. */
export function withPage(form: Json, title?: string): Json {
  const pages = copyPages(form);
  const names = new Set(pages.map((p) => p.name));
  let n = pages.length + 1;
  while (names.has(`page${n}`)) n++;
  pages.push({ name: `page${n}`, ...(title ? { title } : {}), elements: [] });
  return { ...form, pages };
}

/** The form without an empty page; a page with questions on it stays. */
export function withoutPage(form: Json, index: number): Json {
  const pages = pagesOf(form);
  if (!pages[index] || (pages[index]!.elements ?? []).length) return form;
  return { ...form, pages: pages.filter((_, i) => i !== index) };
}
