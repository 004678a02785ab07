import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { canonicalJson, INSTRUMENTS, tenureBandFloor } from '@harbour/survey-kit';
import { database } from '../database';
import { issueInvitations } from '../invitation/invitation-clock';
import { newLink } from '../invitation/links';
import { buildResponsesSchema } from '../schema';
import { importResponses } from './import-responses';
import { restampAnonymousCompletions } from './restamp';
import { foldRollups } from './rollups';
import { IDS, seedCampaign, seedDirectory, seedSurvey } from '../testing/delivery-fixture';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildResponsesSchema();
});

/** What the fold job does after submissions: adds their appended measures into the rollups. */
const fold = () => withTenants(db.app, ALL_TENANTS, (tx) => foldRollups(tx));
const run = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => executeOperation<T>(schema, as(db.app), query, variables);
const OPEN = `query ($token: String!) { invitation(token: $token) { campaignName surveyTitle anonymity state answers pageNo open completedOn form } }`;
const SAVE = `mutation ($input: SaveResponseDraftInput!) { saveResponseDraft(input: $input) { state answers pageNo } }`;
const SUBMIT = `mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated invitation { state completedOn open } } }`;

/** Every required question of Where I belong answered: agreement 4 of 5, yes, and "both" for where they belong. */
const COMPLETE: Record<string, unknown> = Object.fromEntries(
  INSTRUMENTS.find((i) => i.code === 'where_i_belong')!
    .json.pages.flatMap((p) => p.elements)
    .filter((q) => q.isRequired)
    .map((q) => [q.name, q.type === 'rating' ? 4 : q.type === 'boolean' ? true : q.name === 'bel_where' ? 'both' : (q.choices as { value: string }[])[0]!.value]),
);

/** An open campaign for A1 and A2 in Team A, invited, with a link for each; returns the tokens. */
async function invited(anonymity = 'pseudonymous') {
  const staff = await seedDirectory(db.owner, [
    { ref: 'A1', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05', setting: IDS.community, cohort: 'Jan 2026' },
    { ref: 'A2', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05' },
  ]);
  const survey = await seedSurvey(db.owner);
  const campaign = await seedCampaign(db.owner, survey, { kind: 'window', opensOn: '2020-01-01', closesOn: '2099-12-31' }, { anonymity });
  const tokens = await withTenants(db.app, ALL_TENANTS, async (tx) => {
    await issueInvitations(tx, { campaignId: campaign });
    const rows = (await tx.query(`SELECT id, tenant_id AS "tenantId", staff_id FROM responses.invitation WHERE campaign_id = $1`, [campaign])) as { id: string; tenantId: string; staff_id: string }[];
    const byStaff: Record<string, string> = {};
    for (const row of rows) byStaff[row.staff_id] = await newLink(tx, row);
    return byStaff;
  });
  return { a1: tokens[staff.A1!]!, a2: tokens[staff.A2!]!, staff, campaign, survey };
}

const count = async (sql: string, params: unknown[] = []) => Number((await db.owner.query(sql, params))[0].n);

describe('a respondent with a personal link', () => {
  it('opens the survey, saves a draft, and finds it again', async () => {
    const { a1 } = await invited();
    const opened = await run<{ invitation: { state: string; open: boolean; anonymity: string; form: { pages: unknown[] } } }>(OPEN, { token: a1 });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.invitation).toMatchObject({ state: 'INVITED', open: true, anonymity: 'PSEUDONYMOUS', surveyTitle: 'Belonging', answers: null });
    expect(opened.data!.invitation.form.pages).toHaveLength(3);
    const saved = await run(SAVE, { input: { token: a1, answers: { bel_where: 'host', bel_part_of_team: 3 }, pageNo: 1 } });
    expect(saved.data).toEqual({ saveResponseDraft: { state: 'STARTED', answers: { bel_where: 'host', bel_part_of_team: 3 }, pageNo: 1 } });
    // A bad value is refused and the draft stays as it was.
    const bad = await run(SAVE, { input: { token: a1, answers: { bel_where: 'moon' }, pageNo: 2 } });
    expect(bad.errors?.[0]?.extensions?.problems).toEqual([{ question: 'bel_where', message: 'The answer to "bel_where" "moon" is not one of its choices' }]);
    expect((await run<{ invitation: { answers: unknown; pageNo: number } }>(OPEN, { token: a1 })).data!.invitation).toMatchObject({ answers: { bel_where: 'host', bel_part_of_team: 3 }, pageNo: 1 });
  });

  it('refuses a link that is not one, naming no tenant', async () => {
    const unknown = await run(OPEN, { token: 'A'.repeat(43) });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'LINK_UNKNOWN' });
    expect((await run(OPEN, { token: 'short' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses answers the survey does not allow, naming each question, and stores nothing', async () => {
    const { a1 } = await invited();
    await run(SAVE, { input: { token: a1, answers: { bel_where: 'host' }, pageNo: 0 } });
    const cases: [Record<string, unknown>, { question: string; message: string }[]][] = [
      [{ ...COMPLETE, bel_accepted: 6 }, [{ question: 'bel_accepted', message: 'The answer to "bel_accepted" 6 is not on its scale of 1 to 5' }]],
      [{ ...COMPLETE, bel_where: 'moon' }, [{ question: 'bel_where', message: 'The answer to "bel_where" "moon" is not one of its choices' }]],
      [{ ...COMPLETE, favourite_colour: 'blue' }, [{ question: 'favourite_colour', message: 'There is no question "favourite_colour" in this survey' }]],
      [{ ...COMPLETE, bel_valued: undefined }, [{ question: 'bel_valued', message: '"bel_valued" needs an answer' }]],
      [
        { ...COMPLETE, bel_comment: 'x'.repeat(5 * 1024 * 1024) },
        [{ question: 'bel_comment', message: `The answers are ${Buffer.byteLength(JSON.stringify({ ...COMPLETE, bel_comment: 'x'.repeat(5 * 1024 * 1024) }))} bytes; the most is 262144 (the largest is to "bel_comment")` }],
      ],
    ];
    for (const [answers, problems] of cases) {
      const result = await run(SUBMIT, { input: { token: a1, answers: JSON.parse(JSON.stringify(answers)), idempotencyKey: 'key-00000001' } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems });
    }
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM responses.rollup_delta`)).toBe(0);
    expect((await run<{ invitation: { state: string; answers: unknown } }>(OPEN, { token: a1 })).data!.invitation).toMatchObject({ state: 'STARTED', answers: { bel_where: 'host' } });
  });

  it('stores one response for 50 concurrent submissions with the same key, and refuses another key or other answers', async () => {
    const { a1 } = await invited();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => run<{ submitResponse: { repeated: boolean; invitation: { state: string } } }>(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'same-key-0001' } })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => !r.data!.submitResponse.repeated)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data!.submitResponse.invitation.state))).toEqual(new Set(['COMPLETED']));
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM responses.rollup_delta`)).toBe(1);
    expect(await fold()).toBe(1);
    expect(await count(`SELECT n FROM responses.rollup WHERE measure = 'responses'`)).toBe(1);
    const other = await run(SUBMIT, { input: { token: a1, answers: { ...COMPLETE, bel_valued: 1 }, idempotencyKey: 'same-key-0001' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'KEY_REUSED' });
    const again = await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'another-key-02' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ALREADY_SUBMITTED' });
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(1);
  });

  it('writes the answers, construct scores and rollups together, under a pseudonym', async () => {
    const { a1, a2, staff } = await invited();
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'key-a1-000001' } });
    await run(SUBMIT, { input: { token: a2, answers: { ...COMPLETE, bel_where: 'nowhere', bel_part_of_team: 2 }, idempotencyKey: 'key-a2-000001' } });
    const [response] = await db.owner.query(`SELECT answers, scores, pseudonym, staff_id, invitation_id, setting_id, cohort, role_id, organisation_id FROM responses.response WHERE setting_id IS NOT NULL`);
    expect(response.answers).toEqual(COMPLETE);
    expect(response).toMatchObject({ staff_id: null, setting_id: IDS.community, cohort: 'Jan 2026', role_id: IDS.psw, organisation_id: IDS.teamA });
    expect(response.pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(response.pseudonym).not.toContain(staff.A1);
    const belonging = (response.scores as { code: string; score: number }[]).find((s) => s.code === 'belonging');
    expect(belonging?.score).toBeGreaterThan(0);
    // A submission writes new rows only: its measures wait, appended, until the fold job adds them in (once).
    expect(await count(`SELECT count(*) AS n FROM responses.rollup`)).toBe(0);
    const version = () => count(`SELECT coalesce(max(version), 0) AS n FROM responses.rollup_version`);
    const before = await version();
    expect(await fold()).toBe(2);
    expect(await fold()).toBe(0);
    expect(await version()).toBe(before + 1);
    const rollups = (await db.owner.query(`SELECT measure, sum(n)::int AS n FROM responses.rollup WHERE measure IN ('responses', 'choice:bel_where:both', 'choice:bel_where:nowhere', 'construct:belonging') GROUP BY measure ORDER BY measure`)) as { measure: string; n: number }[];
    expect(rollups).toEqual([
      { measure: 'choice:bel_where:both', n: 1 },
      { measure: 'choice:bel_where:nowhere', n: 1 },
      { measure: 'construct:belonging', n: 2 },
      { measure: 'responses', n: 2 },
    ]);
  });

  it('keeps an anonymous response unlinkable: no invitation, person, pseudonym or time finer than the day', async () => {
    const { a1 } = await invited('anonymous');
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'anon-key-0001' } });
    const [response] = await db.owner.query(`SELECT * FROM responses.response`);
    expect(response).toMatchObject({ anonymity: 'anonymous', invitation_id: null, staff_id: null, pseudonym: null });
    expect(response.submitted_at.toISOString()).toMatch(/T00:00:00.000Z$/);
    expect(response.started_at.toISOString()).toMatch(/T00:00:00.000Z$/);
    const [invitation] = await db.owner.query(`SELECT * FROM responses.invitation WHERE state = 'completed'`);
    expect(invitation.response_id).toBeNull();
    // Its tenure as a band (its fewest months), never the months that, with the day, give the start month.
    const [{ months }] = await db.owner.query(`SELECT (extract(year FROM age(current_date, started_on)) * 12 + extract(month FROM age(current_date, started_on)))::int AS months FROM responses.invitation WHERE state = 'completed'`);
    expect(response.tenure_months).toBe(tenureBandFloor(months));
    // No value of the response row names the invitation, its person or its link.
    const links = (await db.owner.query(`SELECT encode(token_hash, 'hex') AS hash FROM responses.invitation_link`)).map((l: { hash: string }) => l.hash);
    const values = Object.values(response).map((v) => JSON.stringify(v));
    for (const secret of [invitation.id, invitation.staff_id, ...links]) expect(values.some((v) => v.includes(secret))).toBe(false);
  });

  it('leaves a database reader nothing to pair an anonymous response with its invitation: no hash of the answers, and no shared transaction once restamped', async () => {
    const { a1, a2 } = await invited('anonymous');
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'anon-key-0001' } });
    // The attack: hash each response's answers and look for it on the invitations.
    const [stored] = await db.owner.query(`SELECT answers FROM responses.response`);
    const hashed = createHash('sha256').update(canonicalJson(stored.answers)).digest('hex');
    expect(await count(`SELECT count(*) AS n FROM responses.invitation WHERE submission_hash = $1 OR submission_hash IS NOT NULL`, [hashed])).toBe(0);
    // The same key is still a retry, the answers uncompared; another key is refused.
    expect((await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'anon-key-0001' } })).data).toMatchObject({ submitResponse: { repeated: true } });
    expect((await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'anon-key-0002' } })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    // One transaction wrote the response, its rollups and the invitation's state: the same xmin, until the clock rewrites the invitations.
    const shared = () =>
      count(
        `SELECT count(*) AS n FROM responses.invitation i
         WHERE i.state = 'completed' AND (i.xmin::text IN (SELECT xmin::text FROM responses.response) OR i.xmin::text IN (SELECT xmin::text FROM responses.rollup_delta))`,
      );
    expect(await shared()).toBe(1);
    await run(SUBMIT, { input: { token: a2, answers: { ...COMPLETE, bel_where: 'nowhere' }, idempotencyKey: 'anon-key-0003' } });
    expect(await shared()).toBe(2);
    expect(await withTenants(db.app, ALL_TENANTS, (tx) => restampAnonymousCompletions(tx))).toBe(2);
    expect(await shared()).toBe(0);
    // Nothing left to do until the next submission.
    expect(await withTenants(db.app, ALL_TENANTS, (tx) => restampAnonymousCompletions(tx))).toBe(0);
  });

  it('imports an anonymous round as a submission would write it: the invitations keep no day, hash or response', async () => {
    const staff = await seedDirectory(db.owner, [
      { ref: 'A1', role: IDS.psw, employer: IDS.teamA, startedOn: '2025-01-05' },
      { ref: 'A2', role: IDS.psw, employer: IDS.teamA, startedOn: '2025-01-05' },
    ]);
    const survey = await seedSurvey(db.owner);
    const campaign = await seedCampaign(db.owner, survey, { kind: 'window', opensOn: '2025-06-01', closesOn: '2025-06-21' }, { anonymity: 'anonymous' });
    const instrument = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
    const target = { tenantId: IDS.trust, campaignId: campaign, surveyId: survey, versionNumber: 1, anonymity: 'anonymous' as const, form: instrument.json, scoring: instrument.scoring };
    const row = (ref: 'A1' | 'A2', answers: Record<string, unknown> | null) => ({
      staffId: staff[ref]!,
      organisationId: IDS.teamA,
      roleId: IDS.psw,
      settingId: null,
      cohort: null,
      startedOn: '2025-01-05',
      round: 0,
      opensOn: '2025-06-01',
      closesOn: '2025-06-21',
      submittedOn: '2025-06-09',
      tenureMonths: 5,
      answers,
    });
    const imported = await withTenants(db.app, ALL_TENANTS, (tx) => importResponses(tx, target, [row('A1', COMPLETE), row('A2', null)]));
    expect(imported).toEqual({ invitations: 2, responses: 1 });
    expect(await db.owner.query(`SELECT state, completed_on, submission_hash, response_id FROM responses.invitation ORDER BY state`)).toEqual([
      { state: 'completed', completed_on: null, submission_hash: null, response_id: null },
      { state: 'invited', completed_on: null, submission_hash: null, response_id: null },
    ]);
    expect(await count(`SELECT count(*) AS n FROM responses.response WHERE invitation_id IS NULL AND submitted_at = '2025-06-09' AND tenure_months = 3`)).toBe(1);
  });

  it('refuses answers once the campaign is closed, politely', async () => {
    const { a1, campaign } = await invited();
    await db.owner.query(`UPDATE forms.campaign SET state = 'closed' WHERE id = $1`, [campaign]);
    const closed = await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'late-key-0001' } });
    expect(closed.errors?.[0]?.message).toBe('This survey closed on 2099-12-31: thank you all the same');
    expect((await run<{ invitation: { open: boolean } }>(OPEN, { token: a1 })).data!.invitation.open).toBe(false);
  });

  it('folds each appended row once, even when a fold is killed before it commits', async () => {
    const { a1, a2 } = await invited();
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'key-a1-000001' } });
    await run(SUBMIT, { input: { token: a2, answers: COMPLETE, idempotencyKey: 'key-a2-000001' } });
    // A fold that has taken both rows and written their sums, and whose connection dies before it commits.
    const runner = db.app.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT set_config('harbour.all_tenants', 'on', true)`);
    expect(await foldRollups(runner.manager)).toBe(2);
    // As when the worker's process is killed: its socket closes, and PostgreSQL rolls the transaction back.
    const client = (runner as unknown as { databaseConnection: { connection: { stream: { destroy(): void } } } }).databaseConnection;
    client.connection.stream.destroy();
    await runner.release().catch(() => undefined);
    expect(await count(`SELECT count(*) AS n FROM responses.rollup_delta`)).toBe(2);
    expect(await count(`SELECT coalesce(sum(n), 0) AS n FROM responses.rollup WHERE measure = 'responses'`)).toBe(0);
    // The next fold takes them (once PostgreSQL has seen the connection go and let their locks go), once.
    let folded = 0;
    for (let tries = 0; folded < 2 && tries < 50; tries++) {
      folded += await fold();
      if (folded < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(folded).toBe(2);
    expect(await fold()).toBe(0);
    expect(await count(`SELECT coalesce(sum(n), 0) AS n FROM responses.rollup WHERE measure = 'responses'`)).toBe(2);
  });

  it('withdraws a pseudonymous response from its link: erased, taken out of the rollups, and the link takes no more', async () => {
    const { a1, a2 } = await invited();
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'key-a1-000001' } });
    await run(SUBMIT, { input: { token: a2, answers: { ...COMPLETE, bel_where: 'nowhere' }, idempotencyKey: 'key-a2-000001' } });
    const rollup = async () =>
      (await db.owner.query(`SELECT measure, sum(n)::int AS n, round(sum(total)::numeric, 2)::float AS total FROM responses.rollup WHERE measure IN ('responses', 'choice:bel_where:both', 'construct:belonging') GROUP BY measure ORDER BY measure`)) as {
        measure: string;
        n: number;
        total: number;
      }[];
    await fold();
    const before = await rollup();
    const withdrawn = await run<{ withdrawResponse: { state: string } }>(`mutation ($token: String!) { withdrawResponse(token: $token) { state } }`, { token: a1 });
    expect(withdrawn.data).toEqual({ withdrawResponse: { state: 'WITHDRAWN' } });
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(1);
    expect(await rollup()).toEqual(before);
    expect(await fold()).toBe(1);
    const after = await rollup();
    const belonging = (rows: typeof before) => rows.find((r) => r.measure === 'construct:belonging')!;
    expect(after.find((r) => r.measure === 'responses')!.n).toBe(1);
    expect(after.find((r) => r.measure === 'choice:bel_where:both')!.n).toBe(0);
    expect(belonging(after).n).toBe(1);
    expect(belonging(after).total).toBeLessThan(belonging(before).total);
    const again = await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'key-a1-000002' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WITHDRAWN' });
    // Audited as the campaign's counts for the day, with nothing of who withdrew.
    expect(await db.owner.query(`SELECT details - 'day' AS counts FROM responses.audit_campaign_activity`)).toEqual([
      { counts: { submitted: 2, throughReleasedLinks: 0, withdrawn: 1, erased: 0 } },
    ]);
    expect(await count(`SELECT count(*) AS n FROM responses.audit_event WHERE target_type = 'invitation'`)).toBe(0);
  });

  it('cannot withdraw an anonymous response: nothing links it to the person', async () => {
    const { a1 } = await invited('anonymous');
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'anon-key-0001' } });
    const refused = await run(`mutation ($token: String!) { withdrawResponse(token: $token) { state } }`, { token: a1 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ANONYMOUS' });
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(1);
  });

  it('erases everything linked to a person at a trust admin\'s request, and lets nobody else ask', async () => {
    const { a1, a2, staff } = await invited();
    await run(SUBMIT, { input: { token: a1, answers: COMPLETE, idempotencyKey: 'key-a1-000001' } });
    await run(SAVE, { input: { token: a2, answers: { bel_where: 'host' }, pageNo: 0 } });
    const erase = `mutation { eraseRespondent(staffId: "${staff.A1}") { responses invitations } }`;
    const stranger = callerWith([{ role: 'trust_admin', organisationId: IDS.other, tenantId: IDS.other }]);
    // In another tenant nothing of A1's is visible, so nothing is erased.
    expect((await executeOperation(schema, as(db.app, stranger), erase)).data).toEqual({ eraseRespondent: { responses: 0, invitations: 0 } });
    const evaluator = callerWith([{ role: 'evaluator', organisationId: IDS.trust, tenantId: IDS.trust }]);
    expect((await executeOperation(schema, as(db.app, evaluator), erase)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(1);
    const admin = callerWith([{ role: 'trust_admin', organisationId: IDS.trust, tenantId: IDS.trust }]);
    expect((await executeOperation(schema, as(db.app, admin), erase)).data).toEqual({ eraseRespondent: { responses: 1, invitations: 1 } });
    expect(await count(`SELECT count(*) AS n FROM responses.response`)).toBe(0);
    // Its addition and its erasure, appended; folded together they cancel.
    expect(await fold()).toBe(2);
    expect(await count(`SELECT coalesce(sum(n), 0) AS n FROM responses.rollup`)).toBe(0);
    expect(await db.owner.query(`SELECT details - 'day' AS counts FROM responses.audit_campaign_activity`)).toEqual([
      { counts: { submitted: 1, throughReleasedLinks: 0, withdrawn: 0, erased: 1 } },
    ]);
    expect(await count(`SELECT count(*) AS n FROM responses.invitation_link l JOIN responses.invitation i ON i.id = l.invitation_id WHERE i.staff_id = $1`, [staff.A1])).toBe(0);
    // A2's draft is untouched.
    expect((await run<{ invitation: { answers: unknown } }>(OPEN, { token: a2 })).data!.invitation.answers).toEqual({ bel_where: 'host' });
  });
});
