import path from 'node:path';
import { repoRoot } from '@harbour/config';
import { GATEWAY_SECRET_HEADER } from '@harbour/graphql-kit';
import { startService, stopServices } from '@harbour/platform';
import { signInAs } from '../support/platform';
import { freePorts } from '../support/ports';
import { startBenchPlatform } from './bench-platform';
import { barChart, table } from './chart';
import { load, type LoadResult } from './load';

const TRIVIAL = '{ roles { id } }';
/** Touches all four subgraphs: the query behind the web app's first page, and more. */
const FEDERATED =
  '{ organisations(tenantsOnly: true) { nodes { name reportingPolicy { minGroupSize } surveys { nodes { title responseCount responses(first: 5) { nodes { submittedOn } } } } } } roles { name summary { responseCount } } }';

/** A gateway process with the given engine, over the platform's subgraphs. */
async function startGatewayProcess(env: Record<string, string>, secret: string, engine: 'apollo' | 'hive') {
  const [port] = await freePorts(1);
  const service = startService(`gateway-${engine}`, path.join(repoRoot(), 'apps', 'gateway', 'dist', 'main.js'), {
    ...process.env,
    ...env,
    PORT: String(port),
    HARBOUR_GATEWAY_ENGINE: engine,
    HARBOUR_GATEWAY_SECRET: secret,
  });
  return { url: await service.ready, stop: () => stopServices([service]) };
}

/**
 * Requests per second for a trivial query: straight to the subgraph that answers it,
 * through Harbour's gateway (Apollo Gateway), and through Hive Gateway on the same
 * supergraph, measured in alternating rounds in one run.
 */
export async function gatewayBench(options: { rounds: number; seconds: number; concurrency: number }): Promise<void> {
  console.log('starting the platform (embedded PostgreSQL, four subgraphs), then one gateway process per engine…');
  const { platform, env } = await startBenchPlatform();
  // Both engines run as processes started the same way, so neither is favoured.
  const apollo = await startGatewayProcess(env, platform.gatewaySecret, 'apollo');
  const hive = await startGatewayProcess(env, platform.gatewaySecret, 'hive');
  try {
    const gateways = { 'Apollo Gateway': apollo.url, 'Hive Gateway': hive.url };
    await compare(
      'Trivial query { roles { id } }: one subgraph fetch',
      TRIVIAL,
      { 'subgraph direct': { url: platform.subgraphUrls.directory!, headers: { [GATEWAY_SECRET_HEADER]: platform.gatewaySecret } }, ...withoutHeaders(gateways) },
      options,
    );
    // Signed in as the demo's platform admin: the federated query reads every tenant.
    const admin = await signInAs(apollo.url, 'platform@harbour.example');
    await compare(
      'Federated query: organisations, surveys, counts, responses, roles (all four subgraphs), signed in',
      FEDERATED,
      withHeaders(gateways, admin),
      options,
    );
    // What verifying the caller once per request costs: the same trivial query, anonymous and signed in.
    const evaluator = await signInAs(apollo.url, 'evaluator@northmoor.example');
    const token = await createApiToken(apollo.url, evaluator);
    await compare(
      'Caller verification: { roles { id } } through Apollo Gateway (the default), anonymous, with a session and with an API token',
      TRIVIAL,
      {
        anonymous: { url: apollo.url, headers: {} },
        'session token': { url: apollo.url, headers: evaluator },
        'API token': { url: apollo.url, headers: { authorization: `Bearer ${token}` } },
      },
      options,
      false,
    );
  } finally {
    await Promise.all([apollo.stop(), hive.stop()]);
    await platform.stop();
  }
}

function withoutHeaders(urls: Record<string, string>): Record<string, Target> {
  return withHeaders(urls, {});
}

function withHeaders(urls: Record<string, string>, headers: Record<string, string>): Record<string, Target> {
  return Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, { url, headers }]));
}

async function createApiToken(url: string, session: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session },
    body: JSON.stringify({ query: 'mutation { createApiToken(input: { name: "bench", expiresInDays: 1 }) { token } }' }),
  });
  return ((await response.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken.token;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** Alternating rounds over the targets; prints a table, a chart and ratios to the first. */
async function compare(
  title: string,
  query: string,
  targets: Record<string, Target>,
  options: { rounds: number; seconds: number; concurrency: number },
  /** False where the answers differ by design (a signed-in caller also sees their tenant's own roles). */
  sameAnswer = true,
): Promise<void> {
  const body = JSON.stringify({ query });
  console.log(`\n-- ${title}`);
  const results: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  const answers = new Set<string>();
  for (const target of Object.values(targets)) {
    const warm = await load({ ...target, body, concurrency: options.concurrency, seconds: 1 });
    if (warm.errors) throw new Error(`${target.url} answered with errors during warm-up`);
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body });
    answers.add(JSON.stringify(await response.json()));
  }
  // A throughput comparison means nothing unless every target gives the same answer.
  if (sameAnswer && answers.size !== 1) throw new Error(`the targets answered differently:\n${[...answers].join('\n')}`);
  if (sameAnswer) console.log(`every target gave the same answer (${[...answers][0]!.length} bytes)`);
  const total = options.rounds * Object.keys(targets).length;
  let done = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, target] of Object.entries(targets)) {
      const result = await load({ ...target, body, concurrency: options.concurrency, seconds: options.seconds });
      results[name]!.push(result);
      done++;
      const filled = Math.round((done / total) * 20);
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} ${name}: ${result.perSecond.toFixed(0)} req/s      `);
    }
  }
  process.stdout.write('\n\n');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = Object.entries(results).map(([name, runs]) => ({
    name,
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50ms)),
    p99: median(runs.map((r) => r.p99ms)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }));
  const first = summary[0]!;
  console.log(`${options.concurrency} connections, ${options.rounds} rounds of ${options.seconds} s per target, alternating; medians.\n`);
  console.log(
    table(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', `vs ${first.name}`],
      summary.map((s) => [s.name, s.perSecond, s.p50, s.p99, s.requests, s.errors, `${(s.perSecond / first.perSecond).toFixed(2)}×`]),
    ),
  );
  console.log(`\n${barChart(summary.map((s) => ({ label: s.name, value: s.perSecond, note: 'req/s' })))}\n`);
  for (const s of summary.slice(1)) console.log(`${s.name} / ${first.name} throughput ratio: ${(s.perSecond / first.perSecond).toFixed(2)}`);
}
