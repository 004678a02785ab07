import type { SubgraphDatabase } from '@harbour/db';
import { CAMPAIGN_CLOCK } from './campaign/campaign-clock';
import { migrations } from './migrations';
import { Campaign } from './campaign/campaign.entity';
import { SurveyVersion } from './survey/survey-version.entity';
import { Survey } from './survey/survey.entity';

export const database: SubgraphDatabase = { schema: 'forms', entities: [Survey, SurveyVersion, Campaign], migrations, jobQueues: [CAMPAIGN_CLOCK] };
