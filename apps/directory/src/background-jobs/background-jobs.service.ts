import type { EntityManager } from 'typeorm';
import { LIST_SIZES } from '@harbour/graphql-kit';
import { BackgroundJobQueue } from './background-job-queue.type';

/** The subgraphs that work a job queue, each publishing `<schema>.job_queue_status` to the directory. */
export const JOB_SERVICES = ['forms', 'responses', 'insights'] as const;

interface StatusRow {
  service: string;
  queue: string;
  queued: number;
  running: number;
  failed: number;
  last_started_at: Date | null;
  last_completed_at: Date | null;
  last_failed_at: Date | null;
  last_failure: string | null;
}

/** Every subgraph's queues, by subgraph and name. */
export async function backgroundJobQueues(db: EntityManager): Promise<BackgroundJobQueue[]> {
  const rows = (await db.query(`${JOB_SERVICES.map((s) => `SELECT * FROM ${s}.job_queue_status`).join(' UNION ALL ')} ORDER BY service, queue LIMIT ${LIST_SIZES['Query.backgroundJobs']}`)) as StatusRow[];
  return rows.map((row) =>
    Object.assign(new BackgroundJobQueue(), {
      service: row.service,
      name: row.queue,
      queued: row.queued,
      running: row.running,
      failed: row.failed,
      lastStartedAt: row.last_started_at,
      lastCompletedAt: row.last_completed_at,
      lastFailedAt: row.last_failed_at,
      lastFailure: row.last_failure,
    }),
  );
}
