import type { DataSource } from 'typeorm';

/** Work a subgraph does by itself, every so often: opening campaigns on their day, say. */
export interface BackgroundJob {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  run(dataSource: DataSource): Promise<void>;
}

/**
 * Runs each job at once and then again `everyMs` after each run ends (runs of one job never
 * overlap). A failed run is logged and the job goes on. Returns a function that stops them
 * all and resolves once no run is in progress.
 */
export function startBackgroundJobs(jobs: readonly BackgroundJob[], dataSource: DataSource, log: (message: string) => void = console.error): () => Promise<void> {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const schedule = (job: BackgroundJob, delay: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      const run = job
        .run(dataSource)
        .catch((error: unknown) => log(`background job "${job.name}" failed: ${(error as Error).message ?? String(error)}`))
        .finally(() => {
          running.delete(run);
          if (!stopped) schedule(job, job.everyMs);
        });
      running.add(run);
    }, delay);
    timers.add(timer);
  };
  for (const job of jobs) schedule(job, 0);
  return async () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.all(running);
  };
}
