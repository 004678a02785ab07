import type { DataSource } from 'typeorm';
import { createSubgraphDataSource, installJobQueues, subgraphRole } from '@harbour/db';
import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { startBackgroundJobs, type BackgroundJob } from './background-jobs';

// A queue schema of the test's own (kit_jobs), worked as the forms subgraph's role.
const SCHEMA = 'kit';
const ROLE = subgraphRole('forms');
let database: TestDatabase;
const copies: DataSource[] = [];

const copy = async () => {
  const dataSource = createSubgraphDataSource(database.appUrl, { schema: SCHEMA, entities: [], migrations: [] }, { max: 3, applicationName: 'harbour-test-jobs', sessionRole: ROLE });
  await dataSource.initialize();
  copies.push(dataSource);
  return dataSource;
};
const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const options = { schema: SCHEMA, expireSeconds: 60, maintenanceSeconds: 1, log: () => undefined };

beforeAll(async () => {
  database = await createTestDatabase();
  await installJobQueues(database.ownerUrl, SCHEMA, ['tick', 'flaky', 'slow'], ROLE);
});
afterAll(async () => {
  await Promise.all(copies.map((c) => c.destroy()));
  await database?.drop();
});

describe('background jobs on the job queue', () => {
  it('run once per due time however many copies offer them, and not after they are stopped', async () => {
    // Each run notes the due time it is for; three copies offer and work the same queue.
    const runs: number[] = [];
    const tick: BackgroundJob = {
      name: 'tick',
      everyMs: 1000,
      run: async (_, due) => {
        runs.push(due.getTime());
      },
    };
    const stops = await Promise.all([1, 2, 3].map(async () => startBackgroundJobs([tick], await copy(), options)));
    await until(() => runs.length >= 5);
    await Promise.all(stops.map((stop) => stop()));
    const stoppedAt = runs.length;
    // One run per due time, whichever copy ran it, and the due times a second apart.
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.every((due) => due % 1000 === 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs.length).toBe(stoppedAt);
  }, 60_000);

  it('retry a run that failed, with back-off, and log the failure', async () => {
    const logged: string[] = [];
    const tries: number[] = [];
    const flaky: BackgroundJob = {
      name: 'flaky',
      // One due time in the test's span: what runs again is the retry.
      everyMs: 3_600_000,
      run: async () => {
        tries.push(Date.now());
        if (tries.length === 1) throw new Error('database away');
      },
    };
    const stop = await startBackgroundJobs([flaky], await copy(), { ...options, log: (m) => logged.push(m) });
    await until(() => tries.length >= 2);
    await stop();
    expect(logged).toEqual(['background job "flaky" failed: database away']);
    // The first retry waits JOB_RETRIES.retryDelaySeconds (2 s), give or take pg-boss's polling.
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(1500);
  }, 60_000);

  it('wait for a run in progress when stopped', async () => {
    let finished = false;
    let started = false;
    const slow: BackgroundJob = {
      name: 'slow',
      everyMs: 3_600_000,
      run: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        finished = true;
      },
    };
    const stop = await startBackgroundJobs([slow], await copy(), options);
    await until(() => started);
    await stop();
    expect(finished).toBe(true);
  }, 60_000);

  it('refuse to start a job whose queue was never made', async () => {
    const stray: BackgroundJob = { name: 'stray', everyMs: 1000, run: async () => undefined };
    await expect(startBackgroundJobs([stray], await copy(), options)).rejects.toThrow('The job queue "stray" is not made');
  });
});
