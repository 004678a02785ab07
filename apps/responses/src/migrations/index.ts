import { CreateResponse1764000200000 } from './1764000200000-CreateResponse';
import { PublishResponseFactsToInsights1764000400000 } from './1764000400000-PublishResponseFactsToInsights';
import { ResponsesRowLevelSecurity1764100300000 } from './1764100300000-ResponsesRowLevelSecurity';
import { ResponsesAuditTrail1764100820000 } from './1764100820000-ResponsesAuditTrail';
import { CreateInvitations1764101400000 } from './1764101400000-CreateInvitations';
import { CreateOutbox1764101500000 } from './1764101500000-CreateOutbox';
import { PublishRollupsToInsights1764101600000 } from './1764101600000-PublishRollupsToInsights';
import { PublishReportFacts1764101700000 } from './1764101700000-PublishReportFacts';
import { PublishRawResponses1764101800000 } from './1764101800000-PublishRawResponses';
import { LinkRelease1764101900000 } from './1764101900000-LinkRelease';
import { CampaignActivity1764102000000 } from './1764102000000-CampaignActivity';
import { RestampAnonymousCompletions1764102100000 } from './1764102100000-RestampAnonymousCompletions';
import { PublishJobStatus1764102400000 } from './1764102400000-PublishJobStatus';
import { RollupDeltas1764102500000 } from './1764102500000-RollupDeltas';

/** In the order they run. */
export const migrations = [CreateResponse1764000200000, PublishResponseFactsToInsights1764000400000, ResponsesRowLevelSecurity1764100300000, ResponsesAuditTrail1764100820000, CreateInvitations1764101400000, CreateOutbox1764101500000, PublishRollupsToInsights1764101600000, PublishReportFacts1764101700000, PublishRawResponses1764101800000, LinkRelease1764101900000, CampaignActivity1764102000000, RestampAnonymousCompletions1764102100000, PublishJobStatus1764102400000, RollupDeltas1764102500000];
