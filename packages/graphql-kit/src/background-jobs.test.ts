import type { DataSource } from 'typeorm';
import { startBackgroundJobs } from './background-jobs';

const dataSource = {} as DataSource;
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('background jobs', () => {
  it('run at once, again after each pause, never overlapping, and not after they are stopped', async () => {
    let runs = 0;
    let inFlight = 0;
    let overlapped = false;
    const stop = startBackgroundJobs(
      [
        {
          name: 'count',
          everyMs: 5,
          run: async () => {
            overlapped ||= inFlight > 0;
            inFlight++;
            await new Promise((resolve) => setTimeout(resolve, 3));
            runs++;
            inFlight--;
          },
        },
      ],
      dataSource,
    );
    await until(() => runs >= 3);
    await stop();
    const stoppedAt = runs;
    expect(inFlight).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(stoppedAt);
    expect(overlapped).toBe(false);
  });

  it('log a failed run and carry on', async () => {
    const logged: string[] = [];
    let runs = 0;
    const stop = startBackgroundJobs(
      [
        {
          name: 'flaky',
          everyMs: 1,
          run: async () => {
            runs++;
            if (runs === 1) throw new Error('database away');
          },
        },
      ],
      dataSource,
      (message) => logged.push(message),
    );
    await until(() => runs >= 2);
    await stop();
    expect(logged).toEqual(['background job "flaky" failed: database away']);
  });
});
