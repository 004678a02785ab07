/**
 * "Prefer not to say": a campaign may let its respondents answer it to any question with choices
 * or a scale. One rule,
 * read by the page that offers it, the server that checks answers, and the measures that count
 * it as no answer. Plain (imports nothing) so the web app can bundle it.
 */

/** What a refused question holds: SurveyJS's own refuse-item value (`settings.refuseItemValue`). */
export const PREFER_NOT_TO_SAY = 'refused';

/** The words, in the page's languages. */
export const PREFER_NOT_TO_SAY_TEXT = { en: 'Prefer not to say', cy: 'Gwell gennyf beidio â dweud' } as const;

/** Question types whose list of choices carries SurveyJS's refuse item. */
const REFUSE_ITEM_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);
/** Scales, which get a "Prefer not to say" button by their title and hold the value as they would a point. */
const SCALE_TYPES = new Set(['rating', 'boolean', 'slider']);
/** Types that hold several values, so a refusal is the list of the refuse item alone. */
const MANY_VALUE_TYPES = new Set(['checkbox', 'tagbox']);

/**
 * Whether a question of this type (not one inside a dynamic panel or a matrix's cell) can be
 * refused: choices and scales. Free text is left blank instead (its box would show the word);
 * grids, rankings and dynamic panels hold structured values SurveyJS will not set to a word,
 * so a form that wants those optional leaves them not required.
 */
export const refusable = (type: string): boolean => REFUSE_ITEM_TYPES.has(type) || SCALE_TYPES.has(type);

/** Whether the refusal is a choice in the question's own list (else a button by its title). */
export const refusedByChoice = (type: string): boolean => REFUSE_ITEM_TYPES.has(type);

/** Whether `value` is a refusal of a question of this type: the word, or for several choices the list of it alone. */
export function isRefusal(type: string, value: unknown): boolean {
  if (!refusable(type)) return false;
  return MANY_VALUE_TYPES.has(type) ? Array.isArray(value) && value.length === 1 && value[0] === PREFER_NOT_TO_SAY : value === PREFER_NOT_TO_SAY;
}
