import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { contentHash, INSTRUMENTS } from '@harbour/survey-kit';

/** Fixed ids for delivery tests: a trust with two teams, another tenant, two roles, two settings. */
export const IDS = {
  trust: '70000000-0000-4000-8000-000000000000',
  teamA: '70000000-0000-4000-8000-00000000000a',
  teamB: '70000000-0000-4000-8000-00000000000b',
  other: '71000000-0000-4000-8000-000000000000',
  psw: '72000000-0000-4000-8000-000000000001',
  cc: '72000000-0000-4000-8000-000000000002',
  community: '73000000-0000-4000-8000-000000000001',
  inpatient: '73000000-0000-4000-8000-000000000002',
};

export interface StaffRow {
  ref: string;
  role: string;
  employer: string;
  startedOn: string;
  setting?: string;
  cohort?: string;
  leftOn?: string;
  tenant?: string;
  email?: string;
}

/** The organisations, roles and settings, and the staff given; returns staff ids by reference. */
export async function seedDirectory(owner: DataSource, staff: StaffRow[]): Promise<Record<string, string>> {
  await owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES
     ($1, $1, NULL, 'trust', 'Trust'), ($2, $1, $1, 'team', 'Team A'), ($3, $1, $1, 'team', 'Team B'), ($4, $4, NULL, 'trust', 'Other')`,
    [IDS.trust, IDS.teamA, IDS.teamB, IDS.other],
  );
  await owner.query(`INSERT INTO directory.role (id, code, name) VALUES ($1, 'peer_support_worker', 'PSW'), ($2, 'care_coordinator', 'CC')`, [IDS.psw, IDS.cc]);
  await owner.query(`INSERT INTO directory.setting (id, code, name) VALUES ($1, 'community', 'Community'), ($2, 'inpatient', 'Inpatient')`, [IDS.community, IDS.inpatient]);
  const ids: Record<string, string> = {};
  for (const s of staff) {
    const id = randomUUID();
    ids[s.ref] = id;
    const tenant = s.tenant ?? IDS.trust;
    await owner.query(
      `INSERT INTO directory.staff (id, tenant_id, external_ref, role_id, employing_organisation_id, setting_id, started_on, cohort, left_on, leave_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9::date IS NULL THEN NULL ELSE 'other' END)`,
      [id, tenant, s.ref, s.role, s.employer, s.setting ?? null, s.startedOn, s.cohort ?? null, s.leftOn ?? null],
    );
    if (s.email) await owner.query(`INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email) VALUES ($1, $2, $3, $4)`, [id, tenant, s.ref, s.email]);
  }
  return ids;
}

/** A survey of the Where I belong instrument, published as version 1, in the tenant; returns its id. */
export async function seedSurvey(owner: DataSource, tenant = IDS.trust, json: unknown = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json): Promise<string> {
  const instrument = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
  const id = randomUUID();
  await owner.query(`INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status, instrument_code, instrument_version) VALUES ($1, $2, $2, 'Belonging', 'published', 'where_i_belong', 1)`, [
    id,
    tenant,
  ]);
  await owner.query(`INSERT INTO forms.survey_version (id, tenant_id, survey_id, number, json, scoring, content_hash) VALUES ($1, $2, $3, 1, $4, $5, $6)`, [
    randomUUID(),
    tenant,
    id,
    json,
    instrument.scoring,
    contentHash(json, instrument.scoring),
  ]);
  return id;
}

/** A campaign of version 1 of the survey, in the given state (open by default); returns its id. */
export async function seedCampaign(
  owner: DataSource,
  surveyId: string,
  schedule: Record<string, unknown>,
  options: { audience?: Record<string, unknown>; anonymity?: string; state?: string; tenant?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const tenant = options.tenant ?? IDS.trust;
  await owner.query(
    `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, anonymity, state)
     VALUES ($1, $2, $3, $4, 1, 'Campaign', $5, $6, $7, $8)`,
    [id, tenant, (options.audience?.organisationId as string) ?? tenant, surveyId, { organisationId: tenant, roleIds: [], settingIds: [], ...options.audience }, schedule, options.anonymity ?? 'pseudonymous', options.state ?? 'open'],
  );
  return id;
}
