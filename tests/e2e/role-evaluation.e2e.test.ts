import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { demoData, nationalId } from '@harbour/demo';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Role evaluation through the gateway, on the demo's past rounds of "Where I belong": what an
 * evaluator sees, what stays hidden, and that every figure agrees with the raw answers.
 */
let platform: TestPlatform;
let owner: Client;
const demo = demoData();
const trust = demo.organisations.find((o) => o.kind === 'trust')!;
const pcn = demo.organisations.find((o) => o.kind === 'primary_care_network')!;
const PSW = nationalId('role', 'peer_support_worker');
const COMMUNITY = nationalId('setting', 'community');
const INPATIENT = nationalId('setting', 'inpatient');

const FIGURES = `suppressed reason responded
  constructs { code name n mean low high favourable { n count share } distribution alpha alphaN }
  belongingMap { n host { count } team { count } both { count } nowhere { count share } }
  isolationRisk { n count share } intentionToLeave { n count share }
  drivers { item outcome n correlation }`;

async function evaluate(headers: Record<string, string>, filter: string, fields = `minimumGroupSize invited completed responseRate figures { ${FIGURES} }`) {
  const result = await postGraphQL(platform.gatewayUrl, `{ roleEvaluation(filter: { ${filter} }) { ${fields} } }`, headers);
  // The shape is the query's; the tests read it field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return result.body as { data?: { roleEvaluation: Record<string, any> }; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await platform?.stop();
});

describe('role evaluation through the gateway', () => {
  it('gives peer support workers\' figures across two settings, and they agree with the raw answers', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const body = await evaluate(evaluator, `instrument: "where_i_belong", roleIds: ["${PSW}"], settingIds: ["${COMMUNITY}", "${INPATIENT}"]`);
    expect(body.errors).toBeUndefined();
    const report = body.data!.roleEvaluation;
    expect(report.minimumGroupSize).toBe(5);
    expect(report.figures.suppressed).toBe(false);
    const n = report.figures.responded as number;
    // The raw answers of the same people: every one of them is counted, since the group is large.
    const raw = await owner.query(
      `SELECT count(*)::int AS n, avg((s->>'score')::float8) AS mean, count(*) FILTER (WHERE answers->>'bel_where' = 'nowhere')::int AS nowhere
       FROM responses.response r, jsonb_array_elements(r.scores) s
       WHERE r.tenant_id = $1 AND r.role_id = $2 AND r.setting_id = ANY($3::uuid[]) AND r.campaign_id IS NOT NULL AND s->>'code' = 'belonging'`,
      [trust.id, PSW, [COMMUNITY, INPATIENT]],
    );
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThanOrEqual(raw.rows[0].n);
    // Only responses in groups too small to place are left out: a handful at most.
    expect(raw.rows[0].n - n).toBeLessThan(raw.rows[0].n * 0.1);
    const belonging = report.figures.constructs.find((c: { code: string }) => c.code === 'belonging');
    expect(belonging.n).toBe(n);
    expect(Math.abs(belonging.mean - raw.rows[0].mean)).toBeLessThan(0.25);
    expect(belonging.low).toBeLessThan(belonging.mean);
    expect(belonging.high).toBeGreaterThan(belonging.mean);
    expect(belonging.alpha).toBeGreaterThan(0.6);
    expect(belonging.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(n);
    expect(report.figures.belongingMap.n).toBe(n);
    // Invitations as the invitation records have them (the open campaign's too), bar small groups.
    const invitations = await owner.query(
      `SELECT count(*)::int AS invited, count(*) FILTER (WHERE state = 'completed')::int AS completed FROM responses.invitation
       WHERE tenant_id = $1 AND role_id = $2 AND setting_id = ANY($3::uuid[])`,
      [trust.id, PSW, [COMMUNITY, INPATIENT]],
    );
    expect(report.invited).toBeLessThanOrEqual(invitations.rows[0].invited);
    expect(report.invited).toBeGreaterThan(invitations.rows[0].invited * 0.9);
    // Who answered is counted once: completed is the figures' own count.
    expect(report.completed).toBe(report.figures.responded);
    expect(report.completed).toBeLessThanOrEqual(invitations.rows[0].completed);
    expect(report.responseRate).toBeCloseTo(report.completed / report.invited, 5);
    // Belonging's strongest drivers include peer support items, with their n.
    const drivers = report.figures.drivers.filter((d: { outcome: string }) => d.outcome === 'belonging');
    expect(drivers[0].n).toBeGreaterThan(50);
    expect(Math.abs(drivers[0].correlation)).toBeGreaterThan(0.3);
  });

  it('breaks down by setting with suppressed rows named and explained, and every row a whole group', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const body = await evaluate(
      evaluator,
      `instrument: "where_i_belong", roleIds: ["${PSW}"]`,
      `figures { responded } breakdown(by: SETTING) { dimension rows { key label figures { suppressed reason responded } } unattributed { responded } }
       trend(interval: QUARTER) { period figures { suppressed responded } } tenureCurve { band fromMonths toMonths figures { suppressed responded } }
       peerRoles { responded } benchmark { suppressed reason } comments { shown reason minimum comments { item text } } retention { bands { band suppressed leftWithin12Months { n count share } } }`,
    );
    expect(body.errors).toBeUndefined();
    const report = body.data!.roleEvaluation;
    const rows = report.breakdown.rows as { key: string; label: string; figures: { suppressed: boolean; reason: string | null; responded: number | null } }[];
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining(['Community', 'Inpatient']));
    const shown = rows.filter((r) => !r.figures.suppressed);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const row of shown) expect(row.figures.responded).toBeGreaterThanOrEqual(5);
    for (const row of rows.filter((r) => r.figures.suppressed)) {
      expect(row.figures.responded).toBeNull();
      expect(row.figures.reason).toMatch(/Fewer than 5 responses can be shown/);
    }
    // Rows and the unattributed rest add up to the total: nothing counted twice or lost.
    const sum = shown.reduce((a, r) => a + r.figures.responded!, 0) + (report.breakdown.unattributed?.responded ?? 0);
    expect(sum).toBe(report.figures.responded);
    expect(report.trend.length).toBeGreaterThanOrEqual(4);
    expect(report.tenureCurve.map((p: { band: string }) => p.band)).toEqual(['MONTHS_0_3', 'MONTHS_3_6', 'MONTHS_6_12', 'MONTHS_12_24', 'MONTHS_24_PLUS']);
    expect(report.peerRoles.responded).toBeGreaterThan(0);
    // The demo has two trusts: too few for the all-tenant benchmark to show anything.
    expect(report.benchmark).toEqual({ suppressed: true, reason: expect.stringMatching(/^Fewer than 3 trusts/) });
    expect(report.comments.shown).toBe(true);
    expect(report.comments.comments.length).toBeGreaterThan(0);
    expect(report.retention.bands.map((b: { band: string }) => b.band)).toEqual(['LOW', 'MIDDLE', 'HIGH']);
  });

  it('lists every cohort the trust\'s staff have in a cohort breakdown, responded or not', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const body = await evaluate(evaluator, `instrument: "where_i_belong"`, `breakdown(by: COHORT) { rows { key label figures { suppressed } } }`);
    const staffCohorts = await owner.query(`SELECT DISTINCT cohort FROM directory.staff WHERE tenant_id = $1 AND cohort IS NOT NULL ORDER BY cohort`, [trust.id]);
    const rows = body.data!.roleEvaluation.breakdown.rows as { key: string; label: string }[];
    expect(rows.map((r) => r.key)).toEqual([...staffCohorts.rows.map((r: { cohort: string }) => r.cohort), '']);
    expect(rows[rows.length - 1]!.label).toBe('No cohort recorded');
  });

  it('shows an evaluator only what their grants cover, and refuses bad filters naming the field', async () => {
    const perinatal = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.perinatalLead);
    // The PCN is not theirs.
    const forbidden = await evaluate(perinatal, `instrument: "where_i_belong", organisationId: "${pcn.id}"`);
    expect(forbidden.errors?.[0]?.extensions.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    // Their own subtree only: no Riverside responses, and fewer than the whole trust.
    const mine = await evaluate(perinatal, `instrument: "where_i_belong"`, `figures { suppressed responded }`);
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const whole = await evaluate(evaluator, `instrument: "where_i_belong"`, `figures { responded }`);
    expect(mine.data!.roleEvaluation.figures.responded ?? 0).toBeLessThan(whole.data!.roleEvaluation.figures.responded);

    for (const [filter, message] of [
      ['instrument: "nope"', /instrument: there is no instrument "nope"/],
      ['instrument: "where_i_belong", roleIds: []', /roleIds: an empty list matches no one/],
      ['instrument: "where_i_belong", from: "2026-13"', /from: give a month as YYYY-MM/],
      ['instrument: "where_i_belong", from: "2026-06", to: "2026-01"', /from: 2026-06 is after to/],
    ] as const) {
      const refused = await evaluate(evaluator, filter);
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(message);
    }
    const anonymous = await evaluate({}, `instrument: "where_i_belong"`);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('exports the report\'s tables as XLSX and CSV through the gateway, holding the figures GraphQL gives', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const filter = { instrument: 'where_i_belong', roleIds: [PSW], settingIds: [COMMUNITY, INPATIENT] };
    const shown = await evaluate(evaluator, `instrument: "where_i_belong", roleIds: ["${PSW}"], settingIds: ["${COMMUNITY}", "${INPATIENT}"]`, `figures { responded constructs { name n mean } } breakdown(by: SETTING) { rows { label figures { suppressed responded } } }`);
    const report = shown.data!.roleEvaluation;
    const url = (path: string, extra = '') => `${new URL(path, platform.gatewayUrl)}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

    const xlsx = await fetch(url('/exports/role-evaluation.xlsx'), { headers: evaluator });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="role-evaluation.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Constructs', 'Belonging map', 'By setting', 'Trend by quarter', 'Tenure curve', 'Checklist', 'Drivers']);
    const summary = workbook.getWorksheet('Summary')!;
    const cells = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(cells(summary).find((r) => r[0] === 'Responses in these figures')![1]).toBe(report.figures.responded);
    for (const construct of report.figures.constructs as { name: string; n: number; mean: number }[]) {
      const row = cells(workbook.getWorksheet('Constructs')!).find((r) => r[0] === 'This filter' && r[1] === construct.name)!;
      expect([row[2], row[3]]).toEqual([construct.n, construct.mean]);
    }
    const bySetting = cells(workbook.getWorksheet('By setting')!);
    for (const row of report.breakdown.rows as { label: string; figures: { suppressed: boolean; responded: number | null } }[]) {
      expect(bySetting.find((r) => r[0] === row.label)![1]).toBe(row.figures.suppressed ? 'suppressed' : row.figures.responded);
    }

    const csv = await fetch(url('/exports/role-evaluation.csv', '&table=breakdown&by=SETTING'), { headers: evaluator });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^Group,Responses,/);
    expect(lines.length).toBe(bySetting.length + 1);

    // Refused as GraphQL would refuse: anonymous, a bad filter, someone else's organisation.
    expect((await fetch(url('/exports/role-evaluation.xlsx'))).status).toBe(401);
    const refused = await fetch(`${new URL('/exports/role-evaluation.csv', platform.gatewayUrl)}?filter=${encodeURIComponent('{"instrument":"where_i_belong","roleIds":[]}')}`, { headers: evaluator });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/roleIds: an empty list/);
    const perinatal = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.perinatalLead);
    const theirs = await fetch(`${new URL('/exports/role-evaluation.xlsx', platform.gatewayUrl)}?filter=${encodeURIComponent(JSON.stringify({ instrument: 'where_i_belong', organisationId: pcn.id }))}`, { headers: perinatal });
    expect([403, 404]).toContain(theirs.status);
  });

  it('exports a pseudonymous campaign\'s raw responses to a researcher only, audited, and never an anonymous campaign\'s', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const platformAdmin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
    await postGraphQL(
      platform.gatewayUrl,
      'mutation { createAccount(input: { email: "researcher@northmoor.example", displayName: "A researcher", password: "a long password 42" }) { id } }',
      platformAdmin,
    );
    const grantResearcher = (by: Record<string, string>) =>
      postGraphQL(platform.gatewayUrl, `mutation { grantAccess(input: { email: "researcher@northmoor.example", organisationId: "${trust.id}", role: RESEARCHER }) { id } }`, by);
    // The trust's admin may not give it (nor give themselves it): only a platform admin.
    const refusedGrant = await grantResearcher(admin);
    expect(refusedGrant.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RESEARCHER_BY_PLATFORM_ADMIN' });
    const granted = await grantResearcher(platformAdmin);
    expect(granted.body.errors).toBeUndefined();
    const researcher = await signInAs(platform.gatewayUrl, 'researcher@northmoor.example', 'a long password 42');
    const history = demo.history.find((h) => h.tenantId === trust.id)!;
    const url = (campaignId: string) => `${new URL('/exports/responses.csv', platform.gatewayUrl)}?campaignId=${campaignId}`;

    const csv = await fetch(url(history.id), { headers: researcher });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^pseudonym,version,submitted_on,role,organisation,setting,cohort,tenure_months,bel_where,/);
    const stored = await owner.query(`SELECT count(*)::int AS n FROM responses.response WHERE campaign_id = $1 AND anonymity = 'pseudonymous'`, [history.id]);
    expect(lines.length - 1).toBe(stored.rows[0].n);
    // Pseudonyms, never the people: no staff id appears anywhere in the file.
    const staffIds = history.invitations.map((i) => i.staff.id);
    expect(staffIds.some((id) => lines.some((line) => line.includes(id)))).toBe(false);
    const audited = await owner.query(`SELECT details FROM insights.audit_event WHERE action = 'responses.export' AND target_id = $1`, [history.id]);
    expect(audited.rows).toEqual([{ details: { rows: stored.rows[0].n, format: 'csv' } }]);

    // An evaluator, and a platform admin without the grant, are refused.
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    expect((await fetch(url(history.id), { headers: evaluator })).status).toBe(403);
    expect((await fetch(url(history.id), { headers: platformAdmin })).status).toBe(403);
    // An anonymous campaign's responses never leave as rows.
    const anonymous = (
      await owner.query(
        `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, anonymity, state)
         SELECT gen_random_uuid(), tenant_id, organisation_id, survey_id, version_number, 'Anonymous rounds', audience, schedule, 'anonymous', 'closed'
         FROM forms.campaign WHERE id = $1 RETURNING id`,
        [history.id],
      )
    ).rows[0].id as string;
    const refused = await fetch(url(anonymous), { headers: researcher });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/only pseudonymous campaigns/);
  });
});
