import PgBoss from 'pg-boss';

/**
 * A subgraph's job queue (pg-boss) lives in a schema of its own beside the subgraph's,
 * `<schema>_jobs`: the queue moves with the subgraph if it ever moves to a database of its own.
 */
export function jobSchemaOf(schema: string): string {
  return `${schema}_jobs`;
}

/** How a queue retries a job that failed or whose worker went away. */
export const JOB_RETRIES = {
  /** Tries after the first, before a job is left failed (and shown so to operators). */
  retryLimit: 5,
  /** Seconds before the first retry; each later one waits twice as long (back-off). */
  retryDelaySeconds: 2,
} as const;

/**
 * Makes (or brings up to date) the subgraph's pg-boss schema and its queues, as the owner
 * role, and lets the subgraph's role work them: the runtime role can create nothing, and
 * pg-boss makes a table per queue, so every queue is made here, at migration time.
 */
export async function installJobQueues(ownerUrl: string, schema: string, queues: readonly string[], appRole: string): Promise<void> {
  const jobs = jobSchemaOf(schema);
  const boss = new PgBoss({ connectionString: ownerUrl, schema: jobs, max: 2, application_name: `harbour-migrate-${jobs}`, supervise: false, schedule: false, migrate: true });
  let failure: Error | undefined;
  boss.on('error', (error) => (failure = error));
  await boss.start();
  try {
    for (const name of queues) {
      // Stately: at most one job of a queue waits and one runs; a run that outlasts its slot holds the next back.
      const queue = { name, policy: 'stately', retryLimit: JOB_RETRIES.retryLimit, retryDelay: JOB_RETRIES.retryDelaySeconds, retryBackoff: true } as const;
      await boss.createQueue(name, queue);
      await boss.updateQueue(name, queue);
    }
    const db = boss.getDb();
    await db.executeSql(`GRANT USAGE ON SCHEMA ${jobs} TO ${appRole}`, []);
    await db.executeSql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobs} TO ${appRole}`, []);
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  if (failure) throw failure;
}

/**
 * SQL for the view a subgraph publishes of its queues to the directory, which answers
 * operators (`backgroundJobs`): per queue, how many jobs wait, run and failed, and when one
 * last started, finished and failed, with that failure's message. Counts only: no job's data.
 */
export function jobStatusView(schema: string): { up: string[]; down: string[] } {
  const jobs = jobSchemaOf(schema);
  const view = `${schema}.job_queue_status`;
  return {
    up: [
      `CREATE VIEW ${view} AS
       SELECT '${schema}'::text AS service, q.name AS queue,
              count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS queued,
              count(j.id) FILTER (WHERE j.state = 'active')::int AS running,
              count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
              max(j.started_on) AS last_started_at,
              max(j.completed_on) FILTER (WHERE j.state = 'completed') AS last_completed_at,
              f.failed_at AS last_failed_at, f.message AS last_failure
       FROM ${jobs}.queue q
       LEFT JOIN ${jobs}.job j ON j.name = q.name
       LEFT JOIN LATERAL (
         SELECT coalesce(x.completed_on, x.started_on) AS failed_at, left(coalesce(x.output->>'message', x.output->'value'->>'message'), 500) AS message
         FROM ${jobs}.job x WHERE x.name = q.name AND x.output IS NOT NULL AND x.state IN ('retry', 'failed')
         ORDER BY coalesce(x.completed_on, x.started_on) DESC NULLS LAST LIMIT 1
       ) f ON true
       WHERE q.name NOT LIKE '\\_\\_pgboss%'
       GROUP BY q.name, f.failed_at, f.message`,
      `GRANT SELECT ON ${view} TO harbour_directory`,
    ],
    down: [`DROP VIEW ${view}`],
  };
}
