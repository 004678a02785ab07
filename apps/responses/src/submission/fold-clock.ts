import { loadConfig } from '@harbour/config';
import { ALL_TENANTS, withTenants, type BackgroundJob } from '@harbour/graphql-kit';
import { foldRollups } from './rollups';

/** The queue of the fold job. */
export const FOLD_CLOCK = 'fold-rollups';

/** Rows one fold takes; a fold that finds more goes on at once, one transaction per batch. */
const FOLD_BATCH = 20_000;

/**
 * The responses subgraph's fold job, every HARBOUR_FOLD_EVERY_MS (a second by default): adds
 * what submissions, withdrawals and erasures appended into the rollups, so reports lag a
 * submission by about that much. Each batch is a transaction of its own.
 */
export function foldClock(config = loadConfig()): BackgroundJob {
  return {
    name: FOLD_CLOCK,
    everyMs: config.foldEveryMs,
    run: async (dataSource) => {
      while ((await withTenants(dataSource, ALL_TENANTS, (db) => foldRollups(db, FOLD_BATCH))) === FOLD_BATCH);
    },
  };
}
