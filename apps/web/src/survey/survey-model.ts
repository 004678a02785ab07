import DOMPurify from 'dompurify';
import { Model } from 'survey-core';
import { MARKUP_POLICY } from '@harbour/survey-kit/markup-policy';
import 'survey-core/survey-core.fontless.min.css';
import './survey-theme.css';
import { HARBOUR_THEME } from './harbour-theme';
import { offerPreferNotToSay } from './prefer-not-to-say';

/**
 * A SurveyJS model of a stored form, safe to render: every HTML text SurveyJS renders as HTML
 * (html questions, completedHtml and its siblings) passes DOMPurify with the allow-list the
 * server checks forms against, so a form saved before that check, or through any other path,
 * still runs no script here. Other texts SurveyJS renders as text. The form studio's preview
 * and the respondent's page both make their models here; with `preferNotToSay`, every question
 * offers "Prefer not to say" (the campaign's choice).
 */
export function surveyModel(json: unknown, options: { preferNotToSay?: boolean } = {}): Model {
  const survey = new Model(json);
  survey.applyTheme(HARBOUR_THEME);
  if (options.preferNotToSay) offerPreferNotToSay(survey);
  for (const question of survey.getAllQuestions(false, true)) {
    if (question.getType() !== 'rating') continue;
    // Buttons on every screen (SurveyJS's "auto" turns a scale into a drop-down on a phone), the
    // scale's end labels under them, unless the form says otherwise.
    if (!question.toJSON().displayMode) question.displayMode = 'buttons';
    if (!question.toJSON().rateDescriptionLocation) question.rateDescriptionLocation = 'bottom';
  }
  survey.onProcessHtml.add((_, options) => {
    options.html = DOMPurify.sanitize(options.html, MARKUP_POLICY);
  });
  return survey;
}
