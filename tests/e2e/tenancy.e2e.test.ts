import { Client } from 'pg';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Two tenants through the real gateway: Riverside's admin (tenant A here) against Northmoor's
 * data (tenant B), with each subgraph's pool held to 2 connections.
 */
let platform: TestPlatform;
let riverside: Record<string, string>;
let northmoor: Record<string, string>;
let owner: Client;

beforeAll(async () => {
  // Two connections and a long wait for one: this is about isolation as connections pass between tenants, not overload (tests/faults/overload).
  platform = await startTestPlatform({ HARBOUR_DB_POOL_MAX: '2', HARBOUR_DB_CONNECT_TIMEOUT_MS: '30000' });
  [riverside, northmoor] = await Promise.all([
    signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.riversideAdmin),
    signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin),
  ]);
  owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
}, 60_000);
afterAll(async () => {
  await owner?.end();
  await platform?.stop();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await owner.query(sql, params)).rows[0] as T;
}

const query = (headers: Record<string, string>, text: string) => postGraphQL(platform.gatewayUrl, text, headers);

describe('another tenant\'s data, through GraphQL', () => {
  it('is never read: lookups by id answer NOT_FOUND, lists leave it out', async () => {
    const trust = await one<{ id: string }>(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`);
    const survey = await one<{ id: string }>(`SELECT id FROM forms.survey WHERE tenant_id = $1 LIMIT 1`, [trust.id]);
    const response = await one<{ id: string }>(`SELECT id FROM responses.response WHERE tenant_id = $1 LIMIT 1`, [trust.id]);
    for (const text of [
      `{ organisation(id: "${trust.id}") { name } }`,
      `{ survey(id: "${survey.id}") { title } }`,
      `{ response(id: "${response.id}") { status } }`,
    ]) {
      const { body } = await query(riverside, text);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const lists = await query(riverside, '{ organisations(first: 500) { nodes { name tenant { name } } } roles { code } settings { code } }');
    const data = lists.body.data as { organisations: { nodes: { tenant: { name: string } }[] }; roles: { code: string }[]; settings: { code: string }[] };
    expect(new Set(data.organisations.nodes.map((n) => n.tenant.name))).toEqual(new Set(['Riverside Primary Care Network']));
    expect(data.roles.map((r) => r.code)).toContain('care_navigator');
    expect(data.roles.map((r) => r.code)).not.toContain('recovery_college_tutor');
    expect(data.settings.map((s) => s.code)).not.toContain('recovery_college');
  });

  it('is never counted: report figures cover only the caller\'s own tenant', async () => {
    const { body } = await query(riverside, '{ roles { code summary { responseCount suppressed } } }');
    const expected = await owner.query<{ code: string; n: number }>(
      `SELECT ro.code, count(*)::int AS n FROM responses.response r JOIN directory.role ro ON ro.id = r.role_id
       JOIN directory.organisation t ON t.id = r.tenant_id WHERE r.status = 'completed' AND t.name LIKE 'Riverside%' GROUP BY 1`,
    );
    const counts = new Map(expected.rows.map((row) => [row.code, row.n]));
    for (const role of (body.data as { roles: { code: string; summary: { responseCount: number | null; suppressed: boolean } }[] }).roles) {
      const n = counts.get(role.code) ?? 0;
      // Whole disclosure groups of Riverside's own: never more than Riverside stored, never a small group.
      expect({ code: role.code, within: (role.summary.responseCount ?? 0) <= n, small: role.summary.responseCount !== null && role.summary.responseCount < 5 }).toEqual({ code: role.code, within: true, small: false });
      expect(role.summary.suppressed).toBe(role.summary.responseCount === null);
    }
    expect((body.data as { roles: { summary: { responseCount: number | null } }[] }).roles.some((role) => role.summary.responseCount !== null)).toBe(true);
    // Peer support workers work only at Northmoor: Riverside's admin counts none of them.
    expect(counts.get('peer_support_worker')).toBeUndefined();
  });

  it('is never changed or deleted: grants on it are refused and stay as they were', async () => {
    const trust = await one<{ id: string }>(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`);
    const grant = await one<{ id: string }>(`SELECT id FROM directory.access_grant WHERE tenant_id = $1 LIMIT 1`, [trust.id]);
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM directory.access_grant`);
    const give = await query(riverside, `mutation { grantAccess(input: { email: "${DEMO_ACCOUNTS.riversideAdmin}", organisationId: "${trust.id}", role: TRUST_ADMIN }) { id } }`);
    expect(give.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const take = await query(riverside, `mutation { revokeGrant(id: "${grant.id}") }`);
    expect(take.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const role = await query(riverside, `mutation { createRole(input: { organisationId: "${trust.id}", code: "sneaky_role", name: "Sneaky" }) { id } }`);
    expect(role.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM directory.access_grant`)).toEqual(before);
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM directory.role WHERE code = 'sneaky_role'`)).toEqual({ n: 0 });
  });
});

describe.each(['hive', 'apollo'] as const)('1,000 requests alternating between two tenants, 2 connections per subgraph (%s gateway)', (engine) => {
  let gatewayUrl: string;
  let stopApollo: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (engine === 'hive') {
      gatewayUrl = platform.gatewayUrl;
      return;
    }
    // The same subgraphs and database, behind an Apollo Gateway of its own.
    const apollo = await startTestPlatform({ HARBOUR_DB_POOL_MAX: '2', HARBOUR_DB_CONNECT_TIMEOUT_MS: '30000', HARBOUR_GATEWAY_ENGINE: 'apollo' });
    gatewayUrl = apollo.gatewayUrl;
    stopApollo = () => apollo.stop();
  }, 60_000);
  afterAll(() => stopApollo?.());

  // Each request also checks its tenant's disclosure cells are current (responseCount counts through them): more time.
  it('never show one tenant a row of the other', async () => {
    const tenantOf = await owner.query<{ name: string; tenant: string }>(
      `SELECT o.name, t.name AS tenant FROM directory.organisation o JOIN directory.organisation t ON t.id = o.tenant_id`,
    );
    const tenantByName = new Map(tenantOf.rows.map((r) => [r.name, r.tenant]));
    const text = '{ organisations(first: 100) { nodes { name surveys { nodes { title responseCount responses(first: 5) { nodes { submittedOn } } } } } } }';
    const [riversideHere, northmoorHere] =
      engine === 'hive'
        ? [riverside, northmoor]
        : await Promise.all([signInAs(gatewayUrl, DEMO_ACCOUNTS.riversideAdmin), signInAs(gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin)]);
    const callers = [
      { headers: riversideHere!, tenant: 'Riverside Primary Care Network' },
      { headers: northmoorHere!, tenant: 'Northmoor Mental Health NHS Foundation Trust' },
    ];
    let checked = 0;
    // 20 in flight at a time: far more than 2 connections, so connections pass between tenants constantly.
    for (let start = 0; start < 1000; start += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, offset) => {
          const caller = callers[(start + offset) % 2]!;
          const { status, body } = await postGraphQL(gatewayUrl, text, caller.headers);
          expect(status).toBe(200);
          expect(body.errors).toBeUndefined();
          const nodes = (body.data as { organisations: { nodes: { name: string }[] } }).organisations.nodes;
          expect(nodes.length).toBeGreaterThan(0);
          for (const node of nodes) expect(tenantByName.get(node.name)).toBe(caller.tenant);
          checked++;
        }),
      );
    }
    expect(checked).toBe(1000);
  }, 240_000);
});
