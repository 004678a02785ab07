import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';
// Written by the benchmark before it builds this page: the form the respondent's page shows.
import form from './form.json';

/**
 * The benchmark's yardstick (`pnpm bench`, respondent part): the same form rendered with
 * survey-core and survey-react-ui alone, the form built into the script, nothing else on the page.
 */
createRoot(document.getElementById('root')!).render(<Survey model={new Model(form)} />);
