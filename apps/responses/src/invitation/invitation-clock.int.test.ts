import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { callerWith } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { IDS, seedCampaign, seedDirectory, seedSurvey } from '../testing/delivery-fixture';
import { issueInvitations } from './invitation-clock';

const db = useSubgraphTestDatabase(database);
const issue = (today: string, campaignId?: string) => withTenants(db.app, ALL_TENANTS, (tx) => issueInvitations(tx, { today, campaignId }));
const invited = async (campaignId: string) =>
  (await db.owner.query(`SELECT s.external_ref AS ref, i.round, i.opens_on::text AS opens, i.closes_on::text AS closes FROM responses.invitation i JOIN directory.staff s ON s.id = i.staff_id WHERE i.campaign_id = $1 ORDER BY i.round, s.external_ref`, [campaignId])) as {
    ref: string;
    round: number;
    opens: string;
    closes: string;
  }[];

describe('the invitation clock', () => {
  it('invites everyone in a window campaign\'s audience once, with a snapshot of who they were', async () => {
    const staff = await seedDirectory(db.owner, [
      { ref: 'A1', role: IDS.psw, employer: IDS.teamA, startedOn: '2027-01-10', setting: IDS.community, cohort: '2027 intake' },
      { ref: 'A2', role: IDS.cc, employer: IDS.teamA, startedOn: '2026-06-01' },
      { ref: 'B1', role: IDS.psw, employer: IDS.teamB, startedOn: '2026-06-01' },
      { ref: 'GONE', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-01', leftOn: '2027-02-01' },
      { ref: 'X1', role: IDS.psw, employer: IDS.other, startedOn: '2026-06-01', tenant: IDS.other },
    ]);
    const survey = await seedSurvey(db.owner);
    const campaign = await seedCampaign(db.owner, survey, { kind: 'window', opensOn: '2027-03-01', closesOn: '2027-03-21' }, { audience: { organisationId: IDS.teamA, roleIds: [IDS.psw] } });
    expect(await issue('2027-02-28')).toEqual([]);
    expect(await issue('2027-03-01')).toHaveLength(1);
    expect(await issue('2027-03-02')).toEqual([]);
    expect(await invited(campaign)).toEqual([{ ref: 'A1', round: 0, opens: '2027-03-01', closes: '2027-03-21' }]);
    const [snapshot] = await db.owner.query(`SELECT role_id, organisation_id, setting_id, cohort, started_on::text, anonymity, state FROM responses.invitation WHERE staff_id = $1`, [staff.A1]);
    expect(snapshot).toEqual({ role_id: IDS.psw, organisation_id: IDS.teamA, setting_id: IDS.community, cohort: '2027 intake', started_on: '2027-01-10', anonymity: 'pseudonymous', state: 'invited' });
    // A move afterwards does not change what the invitation remembers.
    await db.owner.query(`UPDATE directory.staff SET employing_organisation_id = $2, role_id = $3 WHERE id = $1`, [staff.A1, IDS.teamB, IDS.cc]);
    expect((await db.owner.query(`SELECT organisation_id, role_id FROM responses.invitation WHERE staff_id = $1`, [staff.A1]))[0]).toEqual({ organisation_id: IDS.teamA, role_id: IDS.psw });
    // After it closes nobody new is invited, even someone who joins the audience.
    expect(await issue('2027-03-22')).toEqual([]);
  });

  it('asks again each round of a recurring campaign, until its last day', async () => {
    await seedDirectory(db.owner, [{ ref: 'A1', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-06-01' }]);
    const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'recurring', opensOn: '2027-01-04', everyWeeks: 4, windowDays: 7, until: '2027-02-01' });
    for (const day of ['2027-01-04', '2027-01-08', '2027-01-11', '2027-02-01', '2027-02-07', '2027-03-01']) await issue(day);
    // Round 0 opens 4 Jan; round 1 opens 1 Feb (the last day anything opens); 11 Jan is between rounds; 1 Mar is past `until`.
    expect(await invited(campaign)).toEqual([
      { ref: 'A1', round: 0, opens: '2027-01-04', closes: '2027-01-10' },
      { ref: 'A1', round: 1, opens: '2027-02-01', closes: '2027-02-07' },
    ]);
  });

  it('asks each person a set number of days after they start, not those whose day came before the campaign', async () => {
    await seedDirectory(db.owner, [
      { ref: 'EARLY', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-09-01' },
      { ref: 'NEW', role: IDS.psw, employer: IDS.teamA, startedOn: '2027-01-01' },
      { ref: 'LATER', role: IDS.psw, employer: IDS.teamA, startedOn: '2027-02-01' },
    ]);
    const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'lifecycle', opensOn: '2027-01-15', daysAfterStart: 30, windowDays: 14 });
    await issue('2027-01-30');
    expect(await invited(campaign)).toEqual([]);
    await issue('2027-01-31');
    await issue('2027-03-04');
    expect(await invited(campaign)).toEqual([
      { ref: 'LATER', round: 0, opens: '2027-03-03', closes: '2027-03-16' },
      { ref: 'NEW', round: 0, opens: '2027-01-31', closes: '2027-02-13' },
    ]);
  });

  it('invites for no campaign that is not open, and only in the tenants its transaction may see', async () => {
    await seedDirectory(db.owner, [{ ref: 'A1', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-06-01' }]);
    const survey = await seedSurvey(db.owner);
    await seedCampaign(db.owner, survey, { kind: 'window', opensOn: '2027-03-01', closesOn: '2027-03-21' }, { state: 'scheduled' });
    expect(await issue('2027-03-05')).toEqual([]);
    const open = await seedCampaign(db.owner, survey, { kind: 'window', opensOn: '2027-03-01', closesOn: '2027-03-21' });
    const other = callerWith([{ role: 'trust_admin', organisationId: IDS.other, tenantId: IDS.other }]);
    expect(await withTenants(db.app, other, (tx) => issueInvitations(tx, { today: '2027-03-05' }))).toEqual([]);
    expect(await issue('2027-03-05', open)).toHaveLength(1);
  });
});
