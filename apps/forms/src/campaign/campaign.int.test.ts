import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildFormsSchema } from '../schema';
import { advanceCampaigns } from './campaign-clock';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFormsSchema();
});

const TRUST = '60000000-0000-4000-8000-000000000000';
const TEAM_A = '60000000-0000-4000-8000-00000000000a';
const TEAM_B = '60000000-0000-4000-8000-00000000000b';
const OTHER = '61000000-0000-4000-8000-000000000000';
const PSW = '62000000-0000-4000-8000-000000000001';
const CC = '62000000-0000-4000-8000-000000000002';
const admin = callerWith([{ role: 'trust_admin', organisationId: TRUST, tenantId: TRUST }], 'session', '63000000-0000-4000-8000-000000000001');
const otherAdmin = callerWith([{ role: 'trust_admin', organisationId: OTHER, tenantId: OTHER }], 'session', '63000000-0000-4000-8000-000000000002');
let surveyId: string;

beforeEach(async () => {
  await db.owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES
     ($1, $1, NULL, 'trust', 'Trust'), ($2, $1, $1, 'team', 'Team A'), ($3, $1, $1, 'team', 'Team B'), ($4, $4, NULL, 'trust', 'Other')`,
    [TRUST, TEAM_A, TEAM_B, OTHER],
  );
  await db.owner.query(`INSERT INTO directory.role (id, code, name) VALUES ($1, 'peer_support_worker', 'PSW'), ($2, 'care_coordinator', 'CC')`, [PSW, CC]);
  // Team A: three peer support workers started 10 days ago and one who has left; Team B: two care
  // coordinators started 200 days ago; one peer support worker employed by the trust, hosted in Team A.
  const staff: [string, string, string, number, boolean][] = [
    ['A1', PSW, TEAM_A, 10, false],
    ['A2', PSW, TEAM_A, 10, false],
    ['A3', PSW, TEAM_A, 10, false],
    ['A4', PSW, TEAM_A, 10, true],
    ['B1', CC, TEAM_B, 200, false],
    ['B2', CC, TEAM_B, 200, false],
    ['T1', PSW, TRUST, 400, false],
  ];
  for (const [ref, role, employer, daysAgo, left] of staff) {
    await db.owner.query(
      `INSERT INTO directory.staff (id, tenant_id, external_ref, role_id, employing_organisation_id, started_on, left_on, leave_reason)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, current_date - $5::int, CASE WHEN $6 THEN current_date END, CASE WHEN $6 THEN 'other' END)`,
      [TRUST, ref, role, employer, daysAgo, left],
    );
  }
  await db.owner.query(`INSERT INTO directory.staff_host (tenant_id, staff_id, organisation_id) SELECT tenant_id, id, $2 FROM directory.staff WHERE external_ref = 'T1' AND tenant_id = $1`, [
    TRUST,
    TEAM_A,
  ]);
  const made = await run<{ createSurvey: { id: string } }>(`mutation { createSurvey(input: { organisationId: "${TRUST}", title: "Pulse", instrumentCode: "pulse" }) { id } }`);
  surveyId = made.data!.createSurvey.id;
  await run(`mutation { publishSurvey(surveyId: "${surveyId}") { number } }`);
});

function run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller = admin) {
  return executeOperation<T>(schema, as(db.app, caller), query, variables);
}

const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id state anonymity minGroupSize audiencePreview } }`;
const input = (overrides: Record<string, unknown> = {}) => ({
  surveyId,
  versionNumber: 1,
  name: 'Peer support workers, quarterly pulse',
  audience: { organisationId: TEAM_A, roleIds: [PSW] },
  schedule: { kind: 'RECURRING', opensOn: '2099-12-01', everyWeeks: 13, windowDays: 14 },
  ...overrides,
});

describe('campaigns', () => {
  it('is made as a draft with the default promises, and previews its audience now', async () => {
    const made = await run<{ createCampaign: { id: string; state: string; anonymity: string; minGroupSize: number; audiencePreview: number } }>(CREATE, { input: input() });
    expect(made.errors).toBeUndefined();
    // Three in post in Team A, plus the one employed by the trust and hosted there; not the leaver.
    expect(made.data!.createCampaign).toMatchObject({ state: 'DRAFT', anonymity: 'PSEUDONYMOUS', minGroupSize: 5, audiencePreview: 4 });
    const previews: [Record<string, unknown>, number][] = [
      [{ organisationId: TRUST }, 6],
      [{ organisationId: TRUST, roleIds: [CC] }, 2],
      [{ organisationId: TRUST, startedWithinDays: 30 }, 3],
      [{ organisationId: TRUST, startedAtLeastDaysAgo: 100 }, 3],
      [{ organisationId: TEAM_B, roleIds: [PSW] }, 0],
    ];
    for (const [audience, expected] of previews) {
      const result = await run<{ createCampaign: { audiencePreview: number } }>(CREATE, { input: input({ audience }) });
      expect({ audience, n: result.data?.createCampaign.audiencePreview }).toEqual({ audience, n: expected });
    }
  });

  it('refuses a schedule, thresholds or version that cannot work, naming each problem', async () => {
    const bad = await run(CREATE, {
      input: input({ schedule: { kind: 'WINDOW', opensOn: '2026-12-10', closesOn: '2026-12-01' }, minGroupSize: 2, minComments: 4 }),
    });
    expect(bad.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'schedule.closesOn', message: 'It cannot close before it opens' },
      { path: 'minGroupSize', message: 'The minimum group size is 3 to 100' },
    ]);
    const lifecycle = await run(CREATE, { input: input({ schedule: { kind: 'LIFECYCLE', opensOn: '2026-12-01', daysAfterStart: 90 } }) });
    expect(lifecycle.errors?.[0]?.message).toBe('Each invitation stays open for 1 to 90 days');
    const unpublished = await run(CREATE, { input: input({ versionNumber: 2 }) });
    expect(unpublished.errors?.[0]?.message).toBe('The survey has no published version 2: publish it first');
  });

  it('moves from draft to scheduled to closed, and no other way', async () => {
    const { data } = await run<{ createCampaign: { id: string } }>(CREATE, { input: input() });
    const id = data!.createCampaign.id;
    const scheduled = await run<{ scheduleCampaign: { state: string } }>(`mutation { scheduleCampaign(id: "${id}") { state } }`);
    expect(scheduled.data!.scheduleCampaign.state).toBe('SCHEDULED');
    expect((await run(`mutation { scheduleCampaign(id: "${id}") { state } }`)).errors?.[0]?.message).toBe('A scheduled campaign cannot become scheduled');
    const closed = await run<{ closeCampaign: { state: string } }>(`mutation { closeCampaign(id: "${id}") { state } }`);
    expect(closed.data!.closeCampaign.state).toBe('CLOSED');
    const listed = await run<{ campaigns: { id: string; state: string }[] }>(`{ campaigns(organisationId: "${TRUST}") { id state } }`);
    expect(listed.data!.campaigns).toEqual([{ id, state: 'CLOSED' }]);
  });

  it('keeps each tenant\'s campaigns to itself', async () => {
    const { data } = await run<{ createCampaign: { id: string } }>(CREATE, { input: input() });
    const id = data!.createCampaign.id;
    expect((await run(`mutation { closeCampaign(id: "${id}") { state } }`, undefined, otherAdmin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await run(`{ campaigns(organisationId: "${TRUST}") { id } }`, undefined, otherAdmin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run(CREATE, { input: input() }, otherAdmin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // An audience outside the survey's tenant is refused too.
    expect((await run(CREATE, { input: input({ audience: { organisationId: OTHER } }) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('open on their first day and close after their last, by the clock, each move audited', async () => {
    const make = async (schedule: Record<string, unknown>, caller = admin) => {
      const { data } = await run<{ createCampaign: { id: string } }>(CREATE, { input: input({ schedule }) }, caller);
      const id = data!.createCampaign.id;
      return { id, state: (await run<{ scheduleCampaign: { state: string } }>(`mutation { scheduleCampaign(id: "${id}") { state } }`, undefined, caller)).data?.scheduleCampaign.state };
    };
    const window = await make({ kind: 'WINDOW', opensOn: '2099-12-01', closesOn: '2099-12-31' });
    const recurring = await make({ kind: 'RECURRING', opensOn: '2099-12-01', everyWeeks: 4, windowDays: 7 });
    expect([window.state, recurring.state]).toEqual(['SCHEDULED', 'SCHEDULED']);
    const tick = (today: string) => withTenants(db.app, ALL_TENANTS, (tx) => advanceCampaigns(tx, { today }));
    expect(await tick('2099-11-30')).toEqual({ opened: [], closed: [] });
    expect((await tick('2099-12-01')).opened.sort()).toEqual([window.id, recurring.id].sort());
    expect(await tick('2099-12-31')).toEqual({ opened: [], closed: [] });
    // The window's last day has gone; a recurring campaign with no last day goes on.
    expect(await tick('2100-01-01')).toEqual({ opened: [], closed: [window.id] });
    const states = await db.owner.query(`SELECT id, state FROM forms.campaign WHERE id = ANY($1) ORDER BY state`, [[window.id, recurring.id]]);
    expect(states).toEqual([
      { id: window.id, state: 'closed' },
      { id: recurring.id, state: 'open' },
    ]);
    const events = await db.owner.query(`SELECT action, target_id, actor_id, client FROM forms.audit_event WHERE target_id = $1 ORDER BY occurred_at`, [window.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['campaign.create', 'campaign.schedule', 'campaign.open', 'campaign.close']);
    expect(events.slice(2)).toEqual([
      { action: 'campaign.open', target_id: window.id, actor_id: null, client: 'harbour campaign clock' },
      { action: 'campaign.close', target_id: window.id, actor_id: null, client: 'harbour campaign clock' },
    ]);
  });

  it('opens at once when scheduled on or after its first day, and refuses one whose last day has gone', async () => {
    const { data } = await run<{ createCampaign: { id: string } }>(CREATE, { input: input({ schedule: { kind: 'WINDOW', opensOn: '2020-01-01', closesOn: '2099-12-31' } }) });
    const now = await run<{ scheduleCampaign: { state: string } }>(`mutation { scheduleCampaign(id: "${data!.createCampaign.id}") { state } }`);
    expect(now.data!.scheduleCampaign.state).toBe('OPEN');
    const past = await run<{ createCampaign: { id: string } }>(CREATE, { input: input({ schedule: { kind: 'WINDOW', opensOn: '2020-01-01', closesOn: '2020-01-31' } }) });
    const id = past.data!.createCampaign.id;
    const refused = await run(`mutation { scheduleCampaign(id: "${id}") { state } }`);
    expect(refused.errors?.[0]?.message).toBe('Its last day has passed: give it days to come before scheduling it');
    expect(await db.owner.query(`SELECT state FROM forms.campaign WHERE id = $1`, [id])).toEqual([{ state: 'draft' }]);
  });

  it('moves only the tenants its transaction may see', async () => {
    const { id } = await (async () => {
      const { data } = await run<{ createCampaign: { id: string } }>(CREATE, { input: input({ schedule: { kind: 'WINDOW', opensOn: '2099-12-01', closesOn: '2099-12-31' } }) });
      await run(`mutation { scheduleCampaign(id: "${data!.createCampaign.id}") { state } }`);
      return data!.createCampaign;
    })();
    expect(await withTenants(db.app, otherAdmin, (tx) => advanceCampaigns(tx, { today: '2099-12-01' }))).toEqual({ opened: [], closed: [] });
    expect(await withTenants(db.app, admin, (tx) => advanceCampaigns(tx, { today: '2099-12-01' }))).toEqual({ opened: [id], closed: [] });
  });
});
