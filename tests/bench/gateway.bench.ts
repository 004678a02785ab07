import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@harbour/config';
import { GATEWAY_SECRET_HEADER } from '@harbour/graphql-kit';
import { startPlatform } from '@harbour/platform';
import { freePort, freePortsEnv } from '../support/ports';
import { barChart, table } from './chart';
import { load, type LoadResult } from './load';

const QUERY = JSON.stringify({ query: '{ roles { id } }' });

/**
 * Requests per second for a trivial query, through the gateway and straight to the
 * subgraph that answers it, measured in alternating rounds in one run.
 */
export async function gatewayBench(options: { rounds: number; seconds: number; concurrency: number }): Promise<void> {
  const dataDir = path.join(repoRoot(), '.harbour', 'bench-postgres');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  chmodSync(path.dirname(dataDir), 0o755);
  const env = { ...(await freePortsEnv()), HARBOUR_DATA_DIR: dataDir, HARBOUR_PG_PORT: String(await freePort()), DATABASE_URL: '', DATABASE_APP_URL: '' };
  console.log('starting the platform (embedded PostgreSQL, four subgraphs, gateway)…');
  const platform = await startPlatform({ env, seedIfEmpty: true, log: () => undefined });
  try {
    const targets = {
      'subgraph direct': { url: platform.subgraphUrls.directory!, headers: { [GATEWAY_SECRET_HEADER]: platform.gatewaySecret } },
      'through gateway': { url: platform.gatewayUrl, headers: {} },
    };
    const results: Record<string, LoadResult[]> = { 'subgraph direct': [], 'through gateway': [] };
    for (const [name, target] of Object.entries(targets)) {
      await load({ ...target, body: QUERY, concurrency: options.concurrency, seconds: 1 }); // warm-up
      void name;
    }
    const total = options.rounds * 2;
    let done = 0;
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, target] of Object.entries(targets)) {
        const result = await load({ ...target, body: QUERY, concurrency: options.concurrency, seconds: options.seconds });
        results[name]!.push(result);
        done++;
        const filled = Math.round((done / total) * 20);
        process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} ${name}: ${result.perSecond.toFixed(0)} req/s   `);
      }
    }
    process.stdout.write('\n\n');
    const summary = Object.entries(results).map(([name, runs]) => {
      const perSecond = runs.map((r) => r.perSecond).sort((a, b) => a - b);
      const median = perSecond[Math.floor(perSecond.length / 2)]!;
      const p50 = runs.map((r) => r.p50ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      const p99 = runs.map((r) => r.p99ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      return { name, median, p50, p99, requests: runs.reduce((n, r) => n + r.requests, 0), errors: runs.reduce((n, r) => n + r.errors, 0) };
    });
    const direct = summary[0]!.median;
    console.log(`Trivial query { roles { id } }, ${options.concurrency} connections, ${options.rounds} rounds of ${options.seconds} s each, alternating.\n`);
    console.log(
      table(
        ['target', 'req/s (median)', 'p50 ms', 'p99 ms', 'requests', 'errors', 'vs direct'],
        summary.map((s) => [s.name, s.median, s.p50, s.p99, s.requests, s.errors, `${(s.median / direct).toFixed(2)}×`]),
      ),
    );
    console.log(`\n${barChart(summary.map((s) => ({ label: s.name, value: s.median, note: 'req/s' })))}\n`);
    console.log(`gateway / direct throughput ratio: ${(summary[1]!.median / direct).toFixed(2)}`);
  } finally {
    await platform.stop();
  }
}
