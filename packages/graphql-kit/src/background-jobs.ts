import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { JOB_RETRIES, jobSchemaOf } from '@harbour/db';

/** Work a subgraph does by itself, due every `everyMs`: a clock. */
export interface BackgroundJob {
  /** Its queue's name (listed in the subgraph's `database.jobQueues`), e.g. `delivery-clock`. */
  name: string;
  /** How far apart its due times are: it runs once in each slot of this length (at least a second). */
  everyMs: number;
  /** `due` is the start of the slot this run is for (the same on a retry). */
  run(dataSource: DataSource, due: Date): Promise<void>;
}

export interface JobQueueOptions {
  /** The subgraph's schema; its queue lives in `<schema>_jobs`. */
  schema: string;
  /** A job whose worker has gone quiet this long is taken as failed and retried (HARBOUR_JOB_EXPIRE_SECONDS). */
  expireSeconds: number;
  /** How often expired jobs are looked for and finished ones archived (HARBOUR_JOB_MAINTENANCE_SECONDS). */
  maintenanceSeconds: number;
  log?: (message: string) => void;
  /** Told of each run that finished: which job, the due time it was for, how long it took. */
  ran?: (job: string, due: Date, ms: number) => void;
}

/** pg-boss over the subgraph's own pool: its connections act as the subgraph's role, and it opens none of its own. */
function overPool(dataSource: DataSource): PgBoss.Db {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** The slot length in whole seconds (pg-boss throttles by the second). */
const slotSeconds = (job: BackgroundJob) => Math.max(1, Math.round(job.everyMs / 1000));

/**
 * Runs each job through the subgraph's pg-boss queue, so that it runs once per due time however
 * many copies of the subgraph are up:
 *
 * - every copy offers the job for the current slot (`singletonSeconds`: pg-boss keeps one job
 *   per queue and slot, whoever offers it), twice a slot so none is missed;
 * - one copy's worker takes it (`FOR UPDATE SKIP LOCKED`); a run that throws is retried with
 *   back-off (JOB_RETRIES); a worker that dies mid-run leaves its job active until it expires,
 *   and then it is retried by whichever copy is up.
 *
 * Each queue is stately: one job waits and one runs at a time, so a run that outlasts its slot
 * holds the next back (and the slots it spans are run once, after it). A job may run again
 * after a failure: each job's work is written to be safe to repeat (unique keys, claims). Returns a function that stops offering
 * and working, and resolves once no run is in progress.
 */
export async function startBackgroundJobs(jobs: readonly BackgroundJob[], dataSource: DataSource, options: JobQueueOptions): Promise<() => Promise<void>> {
  const log = options.log ?? console.error;
  if (jobs.length === 0) return async () => undefined;
  const boss = new PgBoss({
    db: overPool(dataSource),
    schema: jobSchemaOf(options.schema),
    migrate: false,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => log(`job queue: ${error.message}`));
  await boss.start();
  for (const job of jobs) {
    if (await boss.getQueue(job.name)) continue;
    await boss.stop({ graceful: false, close: false, wait: true });
    throw new Error(`The job queue "${job.name}" is not made: list it in the subgraph's database.jobQueues and migrate.`);
  }

  const offer = (job: BackgroundJob) =>
    boss
      .send(job.name, {}, { singletonSeconds: slotSeconds(job), expireInSeconds: options.expireSeconds, retryLimit: JOB_RETRIES.retryLimit, retryDelay: JOB_RETRIES.retryDelaySeconds, retryBackoff: true })
      .catch((error: unknown) => log(`could not offer job "${job.name}": ${(error as Error).message}`));
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: Math.min(2, Math.max(0.5, slotSeconds(job) / 2)), includeMetadata: true }, async ([taken]) => {
      const due = taken?.singletonOn ?? new Date();
      const began = Date.now();
      try {
        await job.run(dataSource, due);
        options.ran?.(job.name, due, Date.now() - began);
      } catch (error) {
        log(`background job "${job.name}" failed: ${(error as Error).message ?? String(error)}`);
        throw error;
      }
    });
    await offer(job);
    timers.push(setInterval(() => void offer(job), Math.max(500, (slotSeconds(job) * 1000) / 2)));
  }
  return async () => {
    for (const timer of timers) clearInterval(timer);
    // Waits for runs in progress; the pool is the subgraph's, closed by it afterwards.
    await boss.stop({ graceful: true, close: false, wait: true, timeout: 30_000 });
  };
}
