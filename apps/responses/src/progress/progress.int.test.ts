import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { composeMessages } from '../delivery/compose-messages';
import { issueInvitations } from '../invitation/invitation-clock';
import { buildResponsesSchema } from '../schema';
import { IDS, seedCampaign, seedDirectory, seedSurvey, type StaffRow } from '../testing/delivery-fixture';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildResponsesSchema();
});

const QUERY = (id: string) => `{ campaignProgress(campaignId: "${id}") {
  invited started completed withdrawn responseRate invitationsWritten remindersWritten messagesHeld withoutEmail minGroupSize
  byOrganisation { organisation { id } invited completed responseRate suppressed } } }`;

describe('campaign progress', () => {
  it('counts invitations, answers and messages, and withholds an organisation’s small count and the one that would give it away', async () => {
    const people: StaffRow[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ ref: `A${i}`, role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05', email: `a${i}@nhs.example` })),
      ...Array.from({ length: 4 }, (_, i) => ({ ref: `B${i}`, role: IDS.psw, employer: IDS.teamB, startedOn: '2026-01-05' })),
    ];
    await seedDirectory(db.owner, people);
    const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'window', opensOn: '2020-01-01', closesOn: '2099-12-31' });
    await withTenants(db.app, ALL_TENANTS, async (tx) => {
      await issueInvitations(tx);
      await composeMessages(tx, { publicUrl: 'https://h.example', reminderDays: 3, smtp: false });
    });
    // Six of Team A and two of Team B complete; one of Team A has a draft.
    await db.owner.query(
      `UPDATE responses.invitation i SET state = 'completed', completed_on = current_date FROM directory.staff s
       WHERE s.id = i.staff_id AND s.external_ref IN ('A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'B0', 'B1')`,
    );
    await db.owner.query(`UPDATE responses.invitation i SET state = 'started' FROM directory.staff s WHERE s.id = i.staff_id AND s.external_ref = 'A6'`);
    const admin = callerWith([{ role: 'trust_admin', organisationId: IDS.trust, tenantId: IDS.trust }]);
    const result = await executeOperation<{ campaignProgress: Record<string, unknown> & { byOrganisation: unknown[] } }>(schema, as(db.app, admin), QUERY(campaign));
    expect(result.errors).toBeUndefined();
    expect(result.data!.campaignProgress).toMatchObject({
      invited: 12,
      // One draft is a group of one: withheld.
      started: null,
      completed: 8,
      withdrawn: 0,
      responseRate: 8 / 12,
      invitationsWritten: 8,
      remindersWritten: 0,
      messagesHeld: 8,
      withoutEmail: 4,
      minGroupSize: 5,
    });
    // Team B's 2 is below 5, so withheld; Team A's 6 would then give it away (8 - 6), so it is withheld too.
    expect(result.data!.campaignProgress.byOrganisation).toEqual([
      { organisation: { id: IDS.teamA }, invited: 8, completed: null, responseRate: null, suppressed: true },
      { organisation: { id: IDS.teamB }, invited: 4, completed: null, responseRate: null, suppressed: true },
    ]);
  });

  it('withholds the total when all it adds is one small group (the attack: completed 1 at the top, its only organisation withheld)', async () => {
    await seedDirectory(db.owner, Array.from({ length: 6 }, (_, i) => ({ ref: `A${i}`, role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05' })));
    const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'window', opensOn: '2020-01-01', closesOn: '2099-12-31' });
    await withTenants(db.app, ALL_TENANTS, (tx) => issueInvitations(tx));
    await db.owner.query(`UPDATE responses.invitation i SET state = 'completed', completed_on = current_date FROM directory.staff s WHERE s.id = i.staff_id AND s.external_ref = 'A0'`);
    const admin = callerWith([{ role: 'trust_admin', organisationId: IDS.trust, tenantId: IDS.trust }]);
    const result = await executeOperation<{ campaignProgress: Record<string, unknown> & { byOrganisation: { completed: number | null }[] } }>(schema, as(db.app, admin), QUERY(campaign));
    expect(result.errors).toBeUndefined();
    expect(result.data!.campaignProgress).toMatchObject({ invited: 6, completed: null, responseRate: null });
    expect(result.data!.campaignProgress.byOrganisation.map((o) => o.completed)).toEqual([null]);
  });

  it('is for the campaign’s trust admins only', async () => {
    await seedDirectory(db.owner, []);
    const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'window', opensOn: '2020-01-01', closesOn: '2099-12-31' });
    const other = callerWith([{ role: 'trust_admin', organisationId: IDS.other, tenantId: IDS.other }]);
    expect((await executeOperation(schema, as(db.app, other), QUERY(campaign))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const evaluator = callerWith([{ role: 'evaluator', organisationId: IDS.trust, tenantId: IDS.trust }]);
    expect((await executeOperation(schema, as(db.app, evaluator), QUERY(campaign))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
