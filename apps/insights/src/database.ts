import type { SubgraphDatabase } from '@harbour/db';
import { BENCHMARK_CLOCK } from './disclosure/refresh-benchmark';
import { migrations } from './migrations';
import { ReportingPolicy } from './reporting-policy/reporting-policy.entity';

export const database: SubgraphDatabase = { schema: 'insights', entities: [ReportingPolicy], migrations, jobQueues: [BENCHMARK_CLOCK] };
