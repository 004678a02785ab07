import { useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.min.css';

/** The form exactly as respondents will see it, rendered by survey-react-ui; one model per form. */
export function SurveyPreview({ json }: { json: Record<string, unknown> }) {
  const model = useMemo(() => {
    const survey = new Model(json);
    survey.showCompletedPage = false;
    // A preview: page through without answering; required answers are checked only at the end.
    survey.checkErrorsMode = 'onComplete';
    return survey;
  }, [json]);
  return (
    <div className="survey-preview">
      <Survey model={model} />
    </div>
  );
}
