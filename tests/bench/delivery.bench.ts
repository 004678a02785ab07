import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createSubgraphDataSource, subgraphRole } from '@harbour/db';
import { ALL_TENANTS, GATEWAY_SECRET_HEADER, withTenants } from '@harbour/graphql-kit';
import { addToRollups, database as responsesDatabase, tokenHash } from '@harbour/responses';
import { INSTRUMENTS, scoreAnswers } from '@harbour/survey-kit';
import { startBenchPlatform } from './bench-platform';
import { barChart, table } from './chart';
import { loopbackAgent, post, timed, type LoadResult } from './load';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
/** A complete, valid set of answers to Where I belong. */
const ANSWERS: Record<string, unknown> = Object.fromEntries(
  where.json.pages
    .flatMap((p) => p.elements)
    .filter((q) => q.isRequired)
    .map((q) => [q.name, q.type === 'rating' ? 4 : q.type === 'boolean' ? true : 'both']),
);

/** Invitations of an open campaign, each with a link whose token only this run knows. */
async function invitations(ownerUrl: string, campaign: { id: string; tenant: string; survey: string; role: string; organisation: string }, count: number): Promise<string[]> {
  const owner = new Client({ connectionString: ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  const tokens: string[] = [];
  try {
    for (let start = 0; start < count; start += 5000) {
      const ids: string[] = [];
      const hashes: Buffer[] = [];
      for (let i = start; i < Math.min(count, start + 5000); i++) {
        const token = randomBytes(32).toString('base64url');
        tokens.push(token);
        ids.push(randomUUID());
        hashes.push(tokenHash(token));
      }
      await owner.query(
        `INSERT INTO responses.invitation (id, tenant_id, campaign_id, staff_id, survey_id, version_number, anonymity, role_id, organisation_id, started_on, opens_on, closes_on)
         SELECT id, $2, $3, gen_random_uuid(), $4, 1, 'pseudonymous', $5, $6, current_date - 100, current_date - 1, current_date + 30 FROM unnest($1::uuid[]) AS id`,
        [ids, campaign.tenant, campaign.id, campaign.survey, campaign.role, campaign.organisation],
      );
      await owner.query(
        `INSERT INTO responses.invitation_link (token_hash, tenant_id, invitation_id, expires_at)
         SELECT h, $3, id, now() + interval '30 days' FROM unnest($1::bytea[], $2::uuid[]) AS t(h, id)`,
        [hashes, ids, campaign.tenant],
      );
      process.stdout.write(`\rmaking invitations and links: ${Math.min(count, start + 5000)}/${count}   `);
    }
    process.stdout.write('\n');
  } finally {
    await owner.end();
  }
  return tokens;
}

/** Appended rows not yet folded, and how long until the fold job has taken them all. */
async function foldLag(ownerUrl: string): Promise<{ rows: number; ms: number }> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const left = async () => (await owner.query(`SELECT count(*)::int AS n FROM responses.rollup_delta`)).rows[0].n as number;
    const began = Date.now();
    const rows = await left();
    while ((await left()) > 0 && Date.now() - began < 120_000) await new Promise((resolve) => setTimeout(resolve, 50));
    return { rows, ms: Date.now() - began };
  } finally {
    await owner.end();
  }
}

/**
 * Submissions: through the gateway (submitResponse: link, checks, scores, rollups, one
 * transaction) against an in-process loop of the same response INSERT with the same driver
 * and pool (TypeORM over pg, the subgraph's pool size, one transaction each), side by side in
 * one run; then what rollup upkeep costs (that INSERT with and without its appended measures,
 * which the platform's fold job folds into the rollups meanwhile, on the same cores), and how
 * long after the surge the last of them is folded.
 * What the respondent's page weighs over the wire is the respondent part (respondent.bench.ts).
 */
export async function deliveryBench(options: { seconds: number; concurrency: number }): Promise<void> {
  console.log('starting the platform (embedded PostgreSQL, four subgraphs, gateway)…');
  const { platform } = await startBenchPlatform();
  const urls = { owner: platform.databaseUrls.ownerUrl, app: platform.databaseUrls.appUrl };
  let pool: DataSource | null = null;
  try {
    // An open campaign of Northmoor's "Where I belong", with invitations made directly.
    const owner = new Client({ connectionString: urls.owner });
    owner.on('error', () => undefined);
    await owner.connect();
    const [row] = (
      await owner.query(
        `SELECT s.tenant_id, s.id AS survey, (SELECT id FROM directory.role WHERE tenant_id IS NULL ORDER BY code LIMIT 1) AS role
         FROM forms.survey s WHERE s.instrument_code = 'where_i_belong' AND s.status = 'published' ORDER BY s.title LIMIT 1`,
      )
    ).rows;
    const campaign = { id: randomUUID(), tenant: row.tenant_id as string, survey: row.survey as string, role: row.role as string, organisation: row.tenant_id as string };
    await owner.query(
      `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, state)
       VALUES ($1, $2::uuid, $2::uuid, $3, 1, 'Bench', jsonb_build_object('organisationId', $2::text), '{"kind": "window", "opensOn": "2020-01-01", "closesOn": "2099-12-31"}', 'open')`,
      [campaign.id, campaign.tenant, campaign.survey],
    );
    await owner.end();
    const perTarget = Math.ceil(options.seconds * 1500);
    // Enough links for two targets at a rate no run here comes near; each is used once.
    const tokens = await invitations(urls.owner, campaign, 2 * perTarget + 200);

    const gateway = new URL(platform.gatewayUrl);
    const agent = loopbackAgent(gateway, options.concurrency);
    const subgraph = new URL(platform.subgraphUrls.responses!);
    const body = (i: number) =>
      JSON.stringify({
        query: 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }',
        variables: { input: { token: tokens[i], answers: ANSWERS, idempotencyKey: `bench-${i}-key` } },
      });
    const submit = (i: number) => post(gateway, agent, body(i));
    // Straight to the responses subgraph, as the gateway would call it: what the gateway adds is the difference.
    const submitDirect = (i: number) => post(subgraph, agent, body(i), { [GATEWAY_SECRET_HEADER]: platform.gatewaySecret });
    pool = createSubgraphDataSource(urls.app, responsesDatabase, { max: 10, applicationName: 'harbour-bench', sessionRole: subgraphRole('responses') });
    await pool.initialize();
    const scores = scoreAnswers(where.scoring, ANSWERS);
    const insert = (withRollups: boolean) => () =>
      withTenants(pool!, ALL_TENANTS, async (db) => {
        await db.query(
          `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, answers, started_at, submitted_at, campaign_id, version_number, anonymity, pseudonym, tenure_months, scores)
           VALUES ($1, $2, $3, $4, $5, 'completed', $6, now(), now(), $7, 1, 'pseudonymous', $8, 3, $9)`,
          [randomUUID(), campaign.tenant, campaign.survey, campaign.role, campaign.organisation, ANSWERS, campaign.id, randomBytes(32).toString('hex'), JSON.stringify(scores)],
        );
        if (withRollups) {
          await addToRollups(db, {
            tenantId: campaign.tenant,
            campaignId: campaign.id,
            surveyId: campaign.survey,
            submittedOn: new Date().toISOString().slice(0, 10),
            organisationId: campaign.organisation,
            roleId: campaign.role,
            settingId: null,
            cohort: null,
            tenureMonths: 3,
            form: where.json,
            scoring: where.scoring,
            answers: ANSWERS,
            scores,
          });
        }
        return true;
      });

    console.log(`\n-- Submissions: ${options.concurrency} at a time, ${options.seconds} s each, one run`);
    const run = (max: number, op: (i: number) => Promise<boolean>, seconds = options.seconds) => timed(op, { concurrency: options.concurrency, seconds, max });
    // A warm-up on the first 200 links.
    await run(200, submit, 1);
    const targets: [string, LoadResult][] = [
      ['submitResponse through the gateway', await run(perTarget, (i) => submit(200 + i))],
      ['submitResponse straight to the subgraph', await run(perTarget, (i) => submitDirect(200 + perTarget + i))],
      ['INSERT in-process, same driver and pool', await run(1e9, insert(false))],
      ['INSERT + appended measures in-process (folded meanwhile)', await run(1e9, insert(true))],
    ];
    // How far the reports lag at the end of the surge: until the fold job has taken every appended row.
    const lag = await foldLag(urls.owner);
    agent.destroy();
    console.log(table(['target', 'per s', 'p50 ms', 'p99 ms', 'done', 'errors'], targets.map(([name, r]) => [name, r.perSecond, r.p50ms, r.p99ms, r.requests, r.errors])));
    console.log(`\n${barChart(targets.map(([name, r]) => ({ label: name, value: r.perSecond, note: 'per s' })))}\n`);
    const [viaGateway, direct, plain, rolled] = targets.map(([, r]) => r) as [LoadResult, LoadResult, LoadResult, LoadResult];
    console.log(`through the gateway / in-process INSERT throughput ratio: ${(viaGateway.perSecond / plain.perSecond).toFixed(3)}`);
    console.log(`p50 latency, through the gateway / in-process INSERT: ${(viaGateway.p50ms / plain.p50ms).toFixed(2)}×`);
    console.log(`through the gateway / straight to the subgraph throughput ratio: ${(viaGateway.perSecond / direct.perSecond).toFixed(3)}`);
    console.log(`rollup upkeep: INSERT + appended measures / INSERT alone throughput ratio: ${(rolled.perSecond / plain.perSecond).toFixed(3)} (p50 ${plain.p50ms.toFixed(2)} → ${rolled.p50ms.toFixed(2)} ms)`);
    console.log(`fold lag at the end of the surge: ${lag.rows} appended rows left, all folded ${lag.ms} ms later`);

  } finally {
    await pool?.destroy();
    await platform.stop();
  }
}
