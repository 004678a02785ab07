import { belongingRounds, historyStaff, type HistoryInvitation } from './history';
import { nationalId, pick, seededRandom, uuidFrom } from './random';

export type DemoOrganisationKind =
  | 'integrated_care_board'
  | 'trust'
  | 'locality'
  | 'primary_care_network'
  | 'practice'
  | 'service'
  | 'team';

export interface DemoOrganisation {
  id: string;
  tenantId: string;
  parentId: string | null;
  kind: DemoOrganisationKind;
  name: string;
  /** A trust's contact for its surveys and its privacy notice, shown on personal links' pages. */
  contactEmail?: string;
  privacyNoticeUrl?: string;
}

export interface DemoRole {
  id: string;
  code: string;
  name: string;
  /** Null for the national catalogue's roles. */
  tenantId: string | null;
}

export interface DemoSurvey {
  id: string;
  tenantId: string;
  organisationId: string;
  title: string;
  status: 'draft' | 'published';
  /** The instrument of Harbour's library it starts from. */
  instrumentCode: string;
}

export interface DemoResponse {
  id: string;
  tenantId: string;
  surveyId: string;
  roleId: string;
  organisationId: string;
  startedAt: Date;
  submittedAt: Date | null;
}

export interface DemoReportingPolicy {
  tenantId: string;
  minGroupSize: number;
  minComments: number;
}

export interface DemoAccount {
  id: string;
  email: string;
  displayName: string;
  platformAdmin: boolean;
  grants: { organisationId: string; role: 'trust_admin' | 'evaluator' }[];
}

export interface DemoSetting {
  id: string;
  tenantId: string;
  code: string;
  name: string;
}

export interface DemoStaff {
  id: string;
  tenantId: string;
  externalRef: string;
  roleId: string;
  employerId: string;
  hostIds: string[];
  settingId: string;
  startedOn: string;
  cohort: string;
  payBand: string;
  leftOn: string | null;
  leaveReason: string | null;
}

/** An open campaign of the trust's "Where I belong", so the demo shows delivery end to end. */
export interface DemoCampaign {
  id: string;
  tenantId: string;
  surveyId: string;
  name: string;
}

/**
 * A past, closed campaign of a tenant's "Where I belong", asked in quarterly rounds, pseudonymous:
 * everyone it asked (staff of the demo, with hidden belonging) and what those who answered said.
 */
export interface DemoHistoryCampaign {
  id: string;
  tenantId: string;
  surveyId: string;
  name: string;
  rounds: string[];
  invitations: HistoryInvitation[];
}

/** One member of the trust's staff with an email address and a personal link to that campaign. */
export interface DemoRespondent {
  staffId: string;
  tenantId: string;
  name: string;
  email: string;
}

export interface DemoData {
  organisations: DemoOrganisation[];
  roles: DemoRole[];
  surveys: DemoSurvey[];
  responses: DemoResponse[];
  reportingPolicies: DemoReportingPolicy[];
  accounts: DemoAccount[];
  /** Tenants' own settings, beside the national catalogue. */
  settings: DemoSetting[];
  /** Staff in new roles, pseudonymous (no names). */
  staff: DemoStaff[];
  /** Past rounds for reports: a closed campaign per tenant, with its staff among `staff`. */
  history: DemoHistoryCampaign[];
  campaign: DemoCampaign;
  respondent: DemoRespondent;
}

/** Every demo account signs in with this password. A demo only: never seed a real database with it. */
export const DEMO_PASSWORD = 'harbour-demo-2026';

/**
 * The demo respondent's personal link token (the start prints the link). Like the demo
 * password, it is public: it opens only the demo campaign's one invitation.
 */
export const DEMO_RESPONDENT_TOKEN = 'HarbourDemoLinkForTheQuickStartOnlyNotSecre';

/** The fixed seed: change it and every demo id changes. */
export const DEMO_SEED = 20261122;

const NATIONAL_ROLES: [code: string, name: string][] = [
  ['peer_support_worker', 'Peer support worker'],
  ['physician_associate', 'Physician associate'],
  ['social_prescribing_link_worker', 'Social prescribing link worker'],
  ['care_coordinator', 'Care coordinator'],
  ['health_and_wellbeing_coach', 'Health and wellbeing coach'],
  ['clinical_pharmacist', 'Clinical pharmacist'],
];

/** Which roles work where, so responses look like the real thing. */
const ROLES_BY_TENANT = {
  trust: ['peer_support_worker', 'physician_associate', 'clinical_pharmacist'],
  pcn: [
    'social_prescribing_link_worker',
    'care_coordinator',
    'health_and_wellbeing_coach',
    'clinical_pharmacist',
    'physician_associate',
  ],
} as const;

/**
 * Harbour's demo: one mental health trust with community, inpatient and perinatal
 * services; one primary care network with four practices; the national new roles;
 * two surveys each and a few months of completed responses. Deterministic.
 */
export function demoData(seed: number = DEMO_SEED): DemoData {
  const random = seededRandom(seed);
  const id = () => uuidFrom(random);

  // National roles carry the catalogue's ids; a draw per role keeps every later demo id as it was.
  const roles: DemoRole[] = NATIONAL_ROLES.map(([code, name]) => (id(), { id: nationalId('role', code), code, name, tenantId: null }));
  const roleId = (code: string) => roles.find((r) => r.code === code)!.id;

  const organisations: DemoOrganisation[] = [];
  const add = (tenantId: string | null, parentId: string | null, kind: DemoOrganisationKind, name: string) => {
    const orgId = id();
    organisations.push({ id: orgId, tenantId: tenantId ?? orgId, parentId, kind, name });
    return orgId;
  };

  const trust = add(null, null, 'trust', 'Northmoor Mental Health NHS Foundation Trust');
  Object.assign(organisations.at(-1)!, { contactEmail: 'new-roles@northmoor.example', privacyNoticeUrl: 'https://www.northmoor.example/privacy' });
  const trustServices = [
    add(trust, trust, 'service', 'Community Mental Health Service'),
    add(trust, trust, 'service', 'Inpatient Services'),
    add(trust, trust, 'service', 'Perinatal Mental Health Service'),
  ];
  const trustTeams = [
    add(trust, trustServices[0]!, 'team', 'North Locality Community Team'),
    add(trust, trustServices[0]!, 'team', 'South Locality Community Team'),
    add(trust, trustServices[1]!, 'team', 'Willow Ward'),
    add(trust, trustServices[1]!, 'team', 'Cedar Ward'),
    add(trust, trustServices[2]!, 'team', 'Perinatal Community Team'),
  ];

  const pcn = add(null, null, 'primary_care_network', 'Riverside Primary Care Network');
  const practices = [
    add(pcn, pcn, 'practice', 'Riverside Medical Centre'),
    add(pcn, pcn, 'practice', 'Oak Lane Surgery'),
    add(pcn, pcn, 'practice', 'Canal Street Practice'),
    add(pcn, pcn, 'practice', 'Hillview Health Centre'),
  ];

  const surveys: DemoSurvey[] = [
    { id: id(), tenantId: trust, organisationId: trust, title: 'Starting in a new role: month 1', status: 'published', instrumentCode: 'starting_in_a_new_role' },
    { id: id(), tenantId: trust, organisationId: trust, title: 'Where I belong: quarterly', status: 'published', instrumentCode: 'where_i_belong' },
    { id: id(), tenantId: trust, organisationId: trustServices[2]!, title: 'Perinatal peer support check-in', status: 'draft', instrumentCode: 'pulse' },
    { id: id(), tenantId: pcn, organisationId: pcn, title: 'Starting in a new role: month 1', status: 'published', instrumentCode: 'starting_in_a_new_role' },
    { id: id(), tenantId: pcn, organisationId: pcn, title: 'Where I belong: quarterly', status: 'published', instrumentCode: 'where_i_belong' },
  ];

  const responses: DemoResponse[] = [];
  const start = Date.UTC(2026, 5, 1);
  const dayMs = 86_400_000;
  for (const survey of surveys.filter((s) => s.status === 'published')) {
    const isTrust = survey.tenantId === trust;
    const places = isTrust ? trustTeams : practices;
    const roleCodes = isTrust ? ROLES_BY_TENANT.trust : ROLES_BY_TENANT.pcn;
    const count = 18 + Math.floor(random() * 30);
    for (let i = 0; i < count; i++) {
      const startedAt = new Date(start + Math.floor(random() * 150) * dayMs + Math.floor(random() * dayMs));
      // About one in eight is still a draft: started, not yet submitted.
      const submitted = random() > 0.125;
      responses.push({
        id: id(),
        tenantId: survey.tenantId,
        surveyId: survey.id,
        roleId: roleId(pick(random, roleCodes)),
        organisationId: pick(random, places),
        startedAt,
        submittedAt: submitted ? new Date(startedAt.getTime() + Math.floor(random() * 3 * dayMs)) : null,
      });
    }
  }

  const reportingPolicies: DemoReportingPolicy[] = [
    { tenantId: trust, minGroupSize: 5, minComments: 10 },
    { tenantId: pcn, minGroupSize: 5, minComments: 10 },
  ];

  // Made last, so adding them left every earlier demo id as it was.
  const account = (email: string, displayName: string, grants: DemoAccount['grants'], platformAdmin = false): DemoAccount => ({
    id: id(),
    email,
    displayName,
    platformAdmin,
    grants,
  });
  const accounts: DemoAccount[] = [
    account('platform@harbour.example', 'Harbour Platform Admin', [], true),
    account('admin@northmoor.example', 'Northmoor Trust Admin', [{ organisationId: trust, role: 'trust_admin' }]),
    account('evaluator@northmoor.example', 'Northmoor Workforce Evaluator', [{ organisationId: trust, role: 'evaluator' }]),
    account('perinatal.lead@northmoor.example', 'Perinatal Service Lead', [{ organisationId: trustServices[2]!, role: 'evaluator' }]),
    account('admin@riverside.example', 'Riverside PCN Admin', [{ organisationId: pcn, role: 'trust_admin' }]),
    account('regional.evaluator@harbour.example', 'Regional Evaluation Team', [
      { organisationId: trust, role: 'evaluator' },
      { organisationId: pcn, role: 'evaluator' },
    ]),
  ];

  // Each tenant's own role beside the national catalogue.
  roles.push({ id: id(), code: 'recovery_college_tutor', name: 'Recovery college tutor', tenantId: trust });
  roles.push({ id: id(), code: 'care_navigator', name: 'Care navigator', tenantId: pcn });

  const settings: DemoSetting[] = [
    { id: id(), tenantId: trust, code: 'recovery_college', name: 'Recovery college' },
    { id: id(), tenantId: pcn, code: 'extended_access_hub', name: 'Extended access hub' },
  ];

  // 40 staff in each tenant: the trust's in its teams, the PCN's employed by the PCN and hosted by practices.
  const staff: DemoStaff[] = [];
  const trustSettings = ['community', 'community', 'inpatient', 'inpatient', 'perinatal'];
  for (let i = 0; i < 80; i++) {
    const isTrust = i < 40;
    const teamIndex = Math.floor(random() * trustTeams.length);
    const startedOn = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 800) * dayMs).toISOString().slice(0, 10);
    const leaves = random() < 0.15;
    const hosts = isTrust ? [] : [pick(random, practices), ...(random() < 0.4 ? [pick(random, practices)] : [])];
    staff.push({
      id: id(),
      tenantId: isTrust ? trust : pcn,
      externalRef: `${isTrust ? 'NMH' : 'RPC'}${String(100001 + i)}`,
      roleId: roleId(pick(random, isTrust ? ROLES_BY_TENANT.trust : ROLES_BY_TENANT.pcn)),
      employerId: isTrust ? trustTeams[teamIndex]! : pcn,
      hostIds: [...new Set(hosts)],
      settingId: nationalId('setting', isTrust ? trustSettings[teamIndex]! : 'general_practice'),
      startedOn,
      cohort: `${startedOn.slice(0, 4)} ${Number(startedOn.slice(5, 7)) <= 6 ? 'spring' : 'autumn'}`,
      payBand: pick(random, ['3', '4', '5', '6', '7']),
      leftOn: leaves ? new Date(Date.parse(startedOn) + (60 + Math.floor(random() * 300)) * dayMs).toISOString().slice(0, 10) : null,
      leaveReason: leaves ? pick(random, ['lack_of_support', 'career_progression', 'work_life_balance', 'relocation']) : null,
    });
  }

  const belonging = surveys.find((s) => s.tenantId === trust && s.instrumentCode === 'where_i_belong')!;
  const campaign: DemoCampaign = { id: id(), tenantId: trust, surveyId: belonging.id, name: 'Where I belong: this quarter' };
  const respondentStaff = staff.find((s) => s.tenantId === trust && s.leftOn === null)!;
  const respondent: DemoRespondent = { staffId: respondentStaff.id, tenantId: trust, name: 'Sam Demo', email: 'sam.demo@northmoor.example' };

  // A year and more of quarterly "Where I belong" rounds in each tenant, for reports. Made last.
  const history: DemoHistoryCampaign[] = [];
  const rounds = ['2025-10-01', '2026-01-05', '2026-04-01', '2026-07-01', '2026-10-01'];
  const trustPlaces = trustTeams.map((organisationId, index) => ({
    tenantId: trust,
    organisationId,
    settingId: nationalId('setting', trustSettings[index]!),
    roleIds: ROLES_BY_TENANT.trust.map(roleId),
  }));
  const pcnPlaces = practices.map((organisationId) => ({ tenantId: pcn, organisationId, settingId: nationalId('setting', 'general_practice'), roleIds: ROLES_BY_TENANT.pcn.map(roleId) }));
  for (const [tenantId, places, count, prefix] of [
    [trust, trustPlaces, 320, 'NMH'],
    [pcn, pcnPlaces, 220, 'RPC'],
  ] as const) {
    const people = historyStaff(random, places, { count, startFrom: '2024-01-01', startTo: '2026-07-31', today: '2026-11-01' });
    people.forEach((person, index) => {
      staff.push({
        id: person.id,
        tenantId,
        externalRef: `${prefix}${String(200001 + index)}`,
        roleId: person.roleId,
        employerId: person.organisationId,
        hostIds: [],
        settingId: person.settingId,
        startedOn: person.startedOn,
        cohort: person.cohort,
        payBand: pick(random, ['4', '5', '6']),
        leftOn: person.leftOn,
        leaveReason: person.leftOn ? pick(random, ['lack_of_support', 'career_progression', 'work_life_balance', 'relocation']) : null,
      });
    });
    const survey = surveys.find((s) => s.tenantId === tenantId && s.instrumentCode === 'where_i_belong')!;
    history.push({ id: id(), tenantId, surveyId: survey.id, name: 'Where I belong: quarterly rounds', rounds, invitations: [...belongingRounds(random, people, rounds)] });
  }

  return { organisations, roles, surveys, responses, reportingPolicies, accounts, settings, staff, history, campaign, respondent };
}
