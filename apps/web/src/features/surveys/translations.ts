/** The texts of a question a respondent reads, and their Welsh, for the studio's translation editor. */
import type { Json } from './form-json';
import { textIn, withText, type Locale } from './localised';

export interface TranslatableText {
  /** Where the text is: a property (`title`), or an item of a list (`choices.2`). */
  key: string;
  /** What it is, for the editor's label. */
  label: string;
  english: string;
  translation: string;
}

const TEXT_PROPERTIES: [string, string][] = [
  ['title', 'Question'],
  ['description', 'Description'],
  ['minRateDescription', 'Label of the lowest rating'],
  ['maxRateDescription', 'Label of the highest rating'],
  ['labelTrue', 'Label of yes'],
  ['labelFalse', 'Label of no'],
];
const LISTS: [string, string][] = [
  ['choices', 'Choice'],
  ['rows', 'Row'],
  ['columns', 'Column'],
];

type Item = string | number | Json;

/** Every text of the question that has English, with its translation into `locale` ('' when none yet). */
export function translatableTexts(question: Json, locale: Locale): TranslatableText[] {
  const texts: TranslatableText[] = [];
  for (const [key, label] of TEXT_PROPERTIES) {
    const english = textIn(question[key], 'default');
    if (english) texts.push({ key, label, english, translation: textIn(question[key], locale) });
  }
  for (const [list, label] of LISTS) {
    if (!Array.isArray(question[list])) continue;
    (question[list] as Item[]).forEach((item, index) => {
      const text = typeof item === 'object' ? (item.text ?? String(item.value ?? '')) : String(item);
      const english = textIn(text, 'default');
      if (english) texts.push({ key: `${list}.${index}`, label: `${label} ${index + 1}`, english, translation: textIn(text, locale) });
    });
  }
  return texts;
}

/**
 * The question with its texts' translations into `locale` set by key ('' removes one). English,
 * values and everything else stay as they were, so a core question stays intact.
 */
export function withTranslations(question: Json, locale: Locale, translations: Record<string, string>): Json {
  const next: Json = { ...question };
  for (const [key, translation] of Object.entries(translations)) {
    const [list, position] = key.split('.');
    if (position === undefined) {
      if (textIn(question[key], 'default')) next[key] = withText(question[key], locale, translation);
      continue;
    }
    if (!Array.isArray(next[list!])) continue;
    const listItems = [...(next[list!] as Item[])];
    const index = Number(position);
    const item = listItems[index];
    if (item === undefined) continue;
    const value = typeof item === 'object' ? item.value : item;
    const text = typeof item === 'object' ? (item.text ?? String(item.value ?? '')) : String(item);
    const localised = withText(text, locale, translation);
    listItems[index] = typeof localised === 'string' && typeof item !== 'object' ? item : { ...(typeof item === 'object' ? item : {}), value, text: localised };
    next[list!] = listItems;
  }
  return next;
}
