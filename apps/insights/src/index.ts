import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { benchmarkClock } from './disclosure/refresh-benchmark';
import { buildInsightsSchema } from './schema';

export { database } from './database';
export { seedInsights } from './seed';

/** The insights subgraph: counts and summaries, with anonymity thresholds. */
export const insights: SubgraphDefinition = { name: 'insights', database, buildSchema: buildInsightsSchema, jobs: [benchmarkClock()] };
