/** The SurveyJS JSON Harbour's instruments are written in: the parts they use. */
export interface QuestionJson {
  type: string;
  name: string;
  title: string;
  [property: string]: unknown;
}

export interface PageJson {
  name: string;
  title?: string;
  elements: QuestionJson[];
}

export interface SurveyJson {
  title?: string;
  description?: string;
  pages: PageJson[];
  [property: string]: unknown;
}

/** A 1–5 agreement question: strongly disagree (1) to strongly agree (5). Agreeing (4) is 7.5 on 0–10. */
export function agree(name: string, title: string): QuestionJson {
  return {
    type: 'rating',
    name,
    title,
    isRequired: true,
    rateMin: 1,
    rateMax: 5,
    minRateDescription: 'Strongly disagree',
    maxRateDescription: 'Strongly agree',
  };
}

/** A yes or no question (true is 1, false is 0 when scored). */
export function yesNo(name: string, title: string): QuestionJson {
  return { type: 'boolean', name, title, isRequired: true, labelTrue: 'Yes', labelFalse: 'No' };
}

/** A free-text answer, never required. */
export function comment(name: string, title: string): QuestionJson {
  return { type: 'comment', name, title, maxLength: 2000 };
}

/** Scored items for agreement questions. */
export const agreement = (item: string, reverse = false) => ({ item, min: 1, max: 5, ...(reverse ? { reverse } : {}) });
/** Scored items for yes or no questions. */
export const yes = (item: string) => ({ item, min: 0, max: 1 });

/** "Agree" or better on average (4 of 5 is 7.5 of 10). */
export const AGREE = 7.5;
/** "Disagree" or better on average, for constructs where lower is better (2 of 5 is 2.5 of 10). */
export const DISAGREE = 2.5;
