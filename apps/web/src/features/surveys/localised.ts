/** SurveyJS localisable strings: a plain string, or `{ default: English, cy: Welsh, ... }`. */
export type Locale = 'default' | 'cy';

export const LANGUAGES: [Locale, string][] = [
  ['default', 'English'],
  ['cy', 'Cymraeg (Welsh)'],
];

/** The text in one language; '' when it has none (a plain string is English). */
export function textIn(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return locale === 'default' ? value : '';
  if (value && typeof value === 'object') {
    const text = (value as Record<string, unknown>)[locale];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/** The value with one language's text set (or removed when empty); a plain string again when only English is left. */
export function withText(value: unknown, locale: Locale, text: string): unknown {
  const texts: Record<string, unknown> = typeof value === 'string' ? { default: value } : value && typeof value === 'object' ? { ...(value as object) } : {};
  if (text) texts[locale] = text;
  else delete texts[locale];
  const keys = Object.keys(texts);
  if (keys.length === 0) return undefined;
  if (keys.length === 1 && keys[0] === 'default') return texts.default;
  return texts;
}
