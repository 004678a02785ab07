import { Client } from 'pg';
import { createSubgraphDataSource, subgraphRole } from '@harbour/db';
import { demoData, DEMO_PASSWORD, nationalId } from '@harbour/demo';
import { ALL_TENANTS, withTenants, type GrantScope } from '@harbour/graphql-kit';
import { database as insightsDatabase, figuresOf, FIGURE_MEASURES, refreshBenchmark, sumBenchmarkCells, sumCells, type ReportFilter } from '@harbour/insights';
import { database as responsesDatabase } from '@harbour/responses';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { startBenchPlatform } from './bench-platform';
import { barChart, table } from './chart';
import { rawReport } from './raw-report';
import { seedSyntheticTrusts } from './synthetic-trusts';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
const PSW = nationalId('role', 'peer_support_worker');
const SETTINGS = [nationalId('setting', 'community'), nationalId('setting', 'inpatient')];

const FIGURES = 'responded constructs { code n mean low high favourable { share } distribution alpha } belongingMap { n nowhere { share } } isolationRisk { share } drivers { item outcome n correlation }';
const REPORT = (trust: string) => `{ roleEvaluation(filter: { instrument: "where_i_belong", organisationId: "${trust}", roleIds: ["${PSW}"], settingIds: ${JSON.stringify(SETTINGS)} }) {
  invited completed responseRate figures { ${FIGURES} }
  breakdown(by: SETTING) { rows { key figures { ${FIGURES} } benchmark { responded } } unattributed { responded } }
  trend(interval: QUARTER) { period figures { responded constructs { code mean } } }
  benchmark { ${FIGURES} }
} }`;

async function median(runs: number, work: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

/**
 * A role evaluation over a million synthetic responses: peer support workers across two
 * settings in one trust, with its setting breakdown, quarterly trend and the all-tenant
 * benchmark. Timed through the gateway, against (a) the raw SQL scan of the same responses'
 * answers and (b) the same rollup SQL the insights subgraph runs, sent directly.
 */
export async function reportsBench(options: { responses: number; tenants: number; runs: number }): Promise<void> {
  const { platform } = await startBenchPlatform();
  const owner = new Client({ connectionString: platform.databaseUrls.ownerUrl });
  await owner.connect();
  const responsesOwner = createSubgraphDataSource(platform.databaseUrls.ownerUrl, responsesDatabase, { max: 1, applicationName: 'harbour-bench-seed' });
  const insights = createSubgraphDataSource(platform.databaseUrls.appUrl, insightsDatabase, { max: 2, applicationName: 'harbour-bench', sessionRole: subgraphRole('insights') });
  await Promise.all([responsesOwner.initialize(), insights.initialize()]);
  try {
    let started = Date.now();
    const trusts = await seedSyntheticTrusts(owner, responsesOwner.manager, { ...options, seed: 20261123 });
    const total = trusts.reduce((a, t) => a + t.responses, 0);
    const seedSeconds = (Date.now() - started) / 1000;
    await owner.query('ANALYZE');
    const trust = trusts[0]!;

    started = Date.now();
    await withTenants(insights, ALL_TENANTS, (db) => refreshBenchmark(db));
    const benchmarkSeconds = (Date.now() - started) / 1000;

    const admin = await signIn(platform.gatewayUrl, demoData().accounts.find((a) => a.platformAdmin)!.email);
    const query = JSON.stringify({ query: REPORT(trust.id) });
    const viaGateway = async () => {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: admin }, body: query });
      const body = (await response.json()) as { data?: { roleEvaluation: Record<string, unknown> }; errors?: unknown };
      if (body.errors || !body.data) throw new Error(`The report failed: ${JSON.stringify(body.errors)}`);
      return body.data.roleEvaluation;
    };
    // The first report builds this trust's disclosure cells.
    started = Date.now();
    const report = (await viaGateway()) as { figures: { responded: number; constructs: { code: string; mean: number }[] }; benchmark: { responded: number | null } };
    const cellsSeconds = (Date.now() - started) / 1000;

    const filter: ReportFilter = { surveyIds: [trust.surveyId], organisationId: trust.id, roleIds: [PSW], settingIds: SETTINGS };
    const scope: GrantScope = { everywhere: false, tenantIds: [trust.id], organisationIds: [] };
    const direct = () =>
      withTenants(insights, ALL_TENANTS, async (db) => {
        const benchmark = { instruments: ['where_i_belong'], roleIds: [PSW], settingIds: SETTINGS };
        const whole = await sumCells(db, scope, filter, null, FIGURE_MEASURES);
        const bySetting = await sumCells(db, scope, filter, 'setting', FIGURE_MEASURES);
        const byQuarter = await sumCells(db, scope, filter, 'quarter', FIGURE_MEASURES);
        await sumCells(db, scope, filter, null, ['invited'], 'invitations');
        const across = await sumBenchmarkCells(db, benchmark, null, FIGURE_MEASURES);
        await sumBenchmarkCells(db, benchmark, 'setting', ['responses']);
        return [whole, bySetting, byQuarter, across].map((g) => [...g.values()].map(figuresOf));
      });
    const raw = async () => {
      const mine = await rawReport(owner, where, `r.tenant_id = $1 AND r.survey_id = $2 AND r.role_id = $3 AND r.setting_id = ANY($4::uuid[])`, [trust.id, trust.surveyId, PSW, SETTINGS], {
        setting: 'r.setting_id::text',
        quarter: `to_char(date_trunc('quarter', r.submitted_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD')`,
      });
      const across = await rawReport(
        owner,
        where,
        `r.survey_id IN (SELECT id FROM forms.survey WHERE instrument_code = 'where_i_belong') AND r.role_id = $1 AND r.setting_id = ANY($2::uuid[])`,
        [PSW, SETTINGS],
        { setting: 'r.setting_id::text' },
      );
      return [...mine.values(), ...across.values()].map((g) => [...g.values()].map(figuresOf));
    };
    const rawFigures = (await raw())[0]![0]!;

    const gateway = await median(options.runs, viaGateway);
    const rollupSql = await median(options.runs, direct);
    const rawScan = await median(options.runs, raw);

    console.log(`\nSeeded ${total.toLocaleString('en-GB')} responses in ${options.tenants} trusts in ${seedSeconds.toFixed(0)} s (fixed seed).`);
    console.log(`All-tenant benchmark cells built in ${benchmarkSeconds.toFixed(1)} s; the trust's own cells, on its first report, in ${cellsSeconds.toFixed(1)} s.`);
    const belonging = (c: { code: string; mean: number | null }[]) => c.find((x) => x.code === 'belonging')?.mean;
    console.log(
      `The report: ${report.figures.responded} peer support workers' responses (the raw scan counts ${rawFigures.responded}: the rest sit in groups too small to place); ` +
        `belonging ${belonging(report.figures.constructs)} (raw ${belonging(rawFigures.constructs)?.toFixed(2)}); benchmark over ${report.benchmark.responded ?? 'no'} responses.`,
    );
    console.log(`\n-- One role evaluation (figures, breakdown by setting, quarterly trend, all-tenant benchmark), median of ${options.runs} runs`);
    console.log(
      table(
        ['how', 'median ms', 'fastest ms', 'vs gateway'],
        [
          ['through the gateway (insights, rollup cells)', gateway.median, gateway.min, '1.00'],
          ['the same rollup SQL, sent directly', rollupSql.median, rollupSql.min, (rollupSql.median / gateway.median).toFixed(2)],
          ['raw SQL scan of the answers', rawScan.median, rawScan.min, (rawScan.median / gateway.median).toFixed(2)],
        ],
      ),
    );
    console.log(
      `\ngateway / raw scan: ${(gateway.median / rawScan.median).toFixed(3)} (a tenth is 0.100)   gateway / direct rollup SQL: ${(gateway.median / rollupSql.median).toFixed(2)}\n`,
    );
    console.log(
      barChart([
        { label: 'gateway', value: gateway.median, note: 'ms' },
        { label: 'direct rollup SQL', value: rollupSql.median, note: 'ms' },
        { label: 'raw scan', value: rawScan.median, note: 'ms' },
      ]),
    );
  } finally {
    await owner.end();
    await Promise.all([responsesOwner.destroy(), insights.destroy()]);
    await platform.stop();
  }
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', variables: { input: { email, password: DEMO_PASSWORD } } }),
  });
  const body = (await response.json()) as { data: { signIn: { token: string } } };
  return `Bearer ${body.data.signIn.token}`;
}
