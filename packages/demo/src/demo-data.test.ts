import { demoData, DEMO_SEED } from './demo-data';
import { nationalId } from './random';

describe('demoData', () => {
  const demo = demoData();

  it('is the same on every run and changes with the seed', () => {
    expect(demoData(DEMO_SEED)).toEqual(demo);
    expect(demoData(DEMO_SEED + 1).organisations[0]!.id).not.toBe(demo.organisations[0]!.id);
  });

  it('has one mental health trust with community, inpatient and perinatal services', () => {
    const trusts = demo.organisations.filter((o) => o.kind === 'trust');
    expect(trusts).toHaveLength(1);
    const services = demo.organisations.filter((o) => o.parentId === trusts[0]!.id && o.kind === 'service').map((o) => o.name);
    expect(services).toEqual(expect.arrayContaining([expect.stringMatching(/Community/), expect.stringMatching(/Inpatient/), expect.stringMatching(/Perinatal/)]));
  });

  it('has one PCN with four practices', () => {
    const pcns = demo.organisations.filter((o) => o.kind === 'primary_care_network');
    expect(pcns).toHaveLength(1);
    expect(demo.organisations.filter((o) => o.parentId === pcns[0]!.id && o.kind === 'practice')).toHaveLength(4);
  });

  it('uses six national new roles, with the catalogue\'s ids, and one role of each tenant\'s own', () => {
    expect(demo.roles.filter((r) => r.tenantId !== null).map((r) => r.code)).toEqual(['recovery_college_tutor', 'care_navigator']);
    for (const role of demo.roles.filter((r) => r.tenantId === null)) expect(role.id).toBe(nationalId('role', role.code));
    expect(demo.roles.filter((r) => r.tenantId === null).map((r) => r.code).sort()).toEqual(
      [
        'care_coordinator',
        'clinical_pharmacist',
        'health_and_wellbeing_coach',
        'peer_support_worker',
        'physician_associate',
        'social_prescribing_link_worker',
      ].sort(),
    );
  });

  it('refers only to things it defines, parents before children', () => {
    const seen = new Set<string>();
    for (const o of demo.organisations) {
      if (o.parentId) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
      expect(seen.has(o.tenantId)).toBe(true);
    }
    const surveyIds = new Set(demo.surveys.map((s) => s.id));
    const roleIds = new Set(demo.roles.map((r) => r.id));
    for (const r of demo.responses) {
      expect(surveyIds.has(r.surveyId)).toBe(true);
      expect(roleIds.has(r.roleId)).toBe(true);
      expect(seen.has(r.organisationId)).toBe(true);
      if (r.submittedAt) expect(r.submittedAt.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
    }
    const ids = [...demo.organisations, ...demo.roles, ...demo.surveys, ...demo.responses].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('demo history', () => {
  const demo = demoData();
  const trustHistory = demo.history.find((h) => h.tenantId === demo.organisations.find((o) => o.kind === 'trust')!.id)!;

  it('gives each tenant a campaign of quarterly rounds, asking only staff three months in and not yet gone', () => {
    expect(demo.history).toHaveLength(2);
    const staffIds = new Set(demo.staff.map((s) => s.id));
    for (const invitation of trustHistory.invitations) {
      expect(staffIds.has(invitation.staff.id)).toBe(true);
      expect(Date.parse(invitation.opensOn) - Date.parse(invitation.staff.startedOn)).toBeGreaterThanOrEqual(90 * 86_400_000);
      if (invitation.staff.leftOn) expect(invitation.staff.leftOn > invitation.opensOn).toBe(true);
    }
    const answered = trustHistory.invitations.filter((i) => i.answers).length;
    // About two in three answer.
    expect(answered / trustHistory.invitations.length).toBeGreaterThan(0.55);
    expect(answered / trustHistory.invitations.length).toBeLessThan(0.75);
  });

  it('makes people who belong less leave more, and answer lower', () => {
    const people = [...new Map(trustHistory.invitations.map((i) => [i.staff.id, i.staff])).values()].sort((a, b) => a.belonging - b.belonging);
    const third = Math.floor(people.length / 3);
    const leftShare = (group: typeof people) => group.filter((p) => p.leftOn).length / group.length;
    expect(leftShare(people.slice(0, third))).toBeGreaterThan(leftShare(people.slice(-third)));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const teamAnswer = (group: typeof people) =>
      mean(trustHistory.invitations.filter((i) => i.answers && group.includes(i.staff)).map((i) => i.answers!.bel_part_of_team as number));
    expect(teamAnswer(people.slice(0, third))).toBeLessThan(teamAnswer(people.slice(-third)) - 0.8);
  });
});
