import { CreateSurvey1764000100000 } from './1764000100000-CreateSurvey';
import { FormsRowLevelSecurity1764100200000 } from './1764100200000-FormsRowLevelSecurity';
import { FormsAuditTrail1764100810000 } from './1764100810000-FormsAuditTrail';
import { SurveyDraftsAndVersions1764101000000 } from './1764101000000-SurveyDraftsAndVersions';
import { CreateCampaign1764101200000 } from './1764101200000-CreateCampaign';
import { PublishDeliveryViews1764101300000 } from './1764101300000-PublishDeliveryViews';
import { PublishReportViews1764101700000 } from './1764101700000-PublishReportViews';
import { PreferNotToSay1764102200000 } from './1764102200000-PreferNotToSay';
import { PublishJobStatus1764102400000 } from './1764102400000-PublishJobStatus';

/** In the order they run. */
export const migrations = [CreateSurvey1764000100000, FormsRowLevelSecurity1764100200000, FormsAuditTrail1764100810000, SurveyDraftsAndVersions1764101000000, CreateCampaign1764101200000, PublishDeliveryViews1764101300000, PublishReportViews1764101700000, PreferNotToSay1764102200000, PublishJobStatus1764102400000];
