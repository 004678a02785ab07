import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { benchmarkClock } from './disclosure/refresh-benchmark';
import { reportDownloads } from './exports/report-downloads';
import { buildInsightsSchema } from './schema';

export { database } from './database';
export { seedInsights } from './seed';
export { refreshBenchmark } from './disclosure/refresh-benchmark';
export { refreshCells } from './disclosure/refresh-cells';
export { figuresOf, FIGURE_MEASURES } from './report/figures';
export { sumBenchmarkCells, sumCells } from './report/report-query';
export type { GroupedSums, MeasureSums, ReportFilter } from './report/report-query';

/** The insights subgraph: counts and summaries, with anonymity thresholds. */
export const insights: SubgraphDefinition = { name: 'insights', database, buildSchema: buildInsightsSchema, downloads: reportDownloads, jobs: [benchmarkClock()] };
