import { useMemo } from 'react';
import 'survey-core/i18n/welsh';
import { Survey } from 'survey-react-ui';
import { surveyModel } from '../../survey/survey-model';
import type { Locale } from './localised';

/** The form exactly as respondents will see it, rendered by survey-react-ui, in English or Welsh; one model per form. */
export function SurveyPreview({ json, locale = 'default' }: { json: Record<string, unknown>; locale?: Locale }) {
  // Keyed by content: a refetch of the same draft keeps the respondent's place in the preview.
  const text = JSON.stringify(json);
  const model = useMemo(() => {
    const survey = surveyModel(JSON.parse(text));
    survey.showCompletedPage = false;
    // A preview: page through without answering; required answers are checked only at the end.
    survey.checkErrorsMode = 'onComplete';
    survey.locale = locale === 'default' ? '' : locale;
    return survey;
  }, [text, locale]);
  return (
    <div className="survey-preview" lang={locale === 'default' ? 'en' : locale}>
      <Survey model={model} />
    </div>
  );
}
