import type { SubgraphDatabase } from '@harbour/db';
import { migrations } from './migrations';
import { SurveyVersion } from './survey/survey-version.entity';
import { Survey } from './survey/survey.entity';

export const database: SubgraphDatabase = { schema: 'forms', entities: [Survey, SurveyVersion], migrations };
