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
