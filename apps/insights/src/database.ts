import type { SubgraphDatabase } from '@harbour/db';
import { migrations } from './migrations';
import { ReportingPolicy } from './reporting-policy/reporting-policy.entity';

export const database: SubgraphDatabase = { schema: 'insights', entities: [ReportingPolicy], migrations };
