import { CreateReportingPolicy1764000300000 } from './1764000300000-CreateReportingPolicy';
import { InsightsRowLevelSecurity1764100400000 } from './1764100400000-InsightsRowLevelSecurity';
import { InsightsAuditTrail1764100830000 } from './1764100830000-InsightsAuditTrail';
import { CreateReportCells1764101700000 } from './1764101700000-CreateReportCells';
import { CreateBenchmarkCells1764101800000 } from './1764101800000-CreateBenchmarkCells';
import { CommentCells1764101900000 } from './1764101900000-CommentCells';
import { PublishJobStatus1764102400000 } from './1764102400000-PublishJobStatus';

/** In the order they run. */
export const migrations = [CreateReportingPolicy1764000300000, InsightsRowLevelSecurity1764100400000, InsightsAuditTrail1764100830000, CreateReportCells1764101700000, CreateBenchmarkCells1764101800000, CommentCells1764101900000, PublishJobStatus1764102400000];
