import { Action, type Model, type Question } from 'survey-core';
import { isRefusal, PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_TEXT, refusable, refusedByChoice } from '@harbour/survey-kit/prefer-not-to-say';

const isRefused = (question: Question) => isRefusal(question.getType(), question.value);
const wordsFor = (survey: Model) => (survey.locale === 'cy' ? PREFER_NOT_TO_SAY_TEXT.cy : PREFER_NOT_TO_SAY_TEXT.en);

/**
 * Offers "Prefer not to say" on every choice and scale question of the survey, with SurveyJS's
 * own parts: a choice question gets its refuse item as the last choice; a scale (a rating,
 * yes/no, a slider) a toggle button by its title. Either way the question
 * holds `refused`, which answers it when it is required and which reports count as no answer.
 */
export function offerPreferNotToSay(survey: Model): void {
  for (const question of survey.getAllQuestions()) {
    if (!refusable(question.getType()) || !refusedByChoice(question.getType())) continue;
    const q = question as Question & { showRefuseItem: boolean; locRefuseText: { setLocaleText(locale: string, text: string): void } };
    q.showRefuseItem = true;
    q.locRefuseText.setLocaleText('', PREFER_NOT_TO_SAY_TEXT.en);
    q.locRefuseText.setLocaleText('cy', PREFER_NOT_TO_SAY_TEXT.cy);
  }
  const toggles = new Map<Question, Action>();
  const show = (question: Question, toggle: Action) => {
    const refused = isRefused(question);
    toggle.active = refused;
    toggle.ariaChecked = refused;
    toggle.title = wordsFor(survey);
  };
  survey.onGetQuestionTitleActions.add((_, options) => {
    const question = options.question;
    if (!refusable(question.getType()) || refusedByChoice(question.getType()) || question.parentQuestion) return;
    const toggle = new Action({
      id: `prefer-not-to-say-${question.name}`,
      title: wordsFor(survey),
      showTitle: true,
      ariaRole: 'checkbox',
      disableHide: true,
      disableShrink: true,
      innerCss: 'prefer-not-to-say',
      action: () => {
        question.value = isRefused(question) ? undefined : PREFER_NOT_TO_SAY;
      },
    });
    show(question, toggle);
    toggles.set(question, toggle);
    (options.titleActions ??= []).push(toggle);
  });
  // A refused yes/no would still show its switch on "No", and a slider its thumb at the start:
  // the question is marked so the theme shows neither as chosen.
  survey.onUpdateQuestionCssClasses.add((_, options) => {
    const classes = options.cssClasses as { mainRoot?: string };
    if (isRefused(options.question)) classes.mainRoot = `${classes.mainRoot ?? ''} harbour-refused`;
  });
  survey.onValueChanged.add((_, options) => {
    const toggle = options.question && toggles.get(options.question);
    if (!toggle) return;
    show(options.question, toggle);
    options.question.updateElementCss(true);
  });
  survey.onLocaleChangedEvent.add(() => {
    for (const [question, toggle] of toggles) show(question, toggle);
  });
}
