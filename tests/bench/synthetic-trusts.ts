import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { belongingRounds, historyStaff, nationalId, seededRandom, uuidFrom, type HistoryInvitation, type HistoryPlace } from '@harbour/demo';
import { fromHistory, importResponses } from '@harbour/responses';
import { contentHash, INSTRUMENTS } from '@harbour/survey-kit';

const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;

/** Which services a synthetic trust runs, their setting, and the new roles in them. */
const SERVICES: [name: string, setting: string, roles: string[]][] = [
  ['Community', 'community', ['peer_support_worker', 'care_coordinator', 'clinical_pharmacist']],
  ['Inpatient', 'inpatient', ['peer_support_worker', 'physician_associate', 'clinical_pharmacist']],
  ['Perinatal', 'perinatal', ['peer_support_worker', 'health_and_wellbeing_coach']],
  ['Urgent care', 'urgent_care', ['physician_associate', 'social_prescribing_link_worker', 'care_coordinator']],
];
const TEAMS_PER_SERVICE = 3;
/** Two years of quarterly rounds. */
export const ROUNDS = ['2024-10-01', '2025-01-06', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-05', '2026-04-01', '2026-07-01'];

export interface SyntheticTrust {
  id: string;
  surveyId: string;
  campaignId: string;
  responses: number;
}

/** A progress line that rewrites itself: done of total, share, elapsed and time left. */
export function progress(label: string, total: number): (done: number) => void {
  const started = Date.now();
  return (done) => {
    const seconds = (Date.now() - started) / 1000;
    const share = done / total;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const left = share > 0 ? (seconds / share) * (1 - share) : 0;
    process.stdout.write(`\r${label} ${bar} ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} (${(share * 100).toFixed(0)}%) ${seconds.toFixed(0)} s, ~${left.toFixed(0)} s left   `);
    if (done >= total) process.stdout.write('\n');
  };
}

/**
 * Seeds `tenants` synthetic trusts (a trust, four services, three teams each) with staff and
 * two years of quarterly "Where I belong" rounds until `responses` responses are written in all,
 * from a fixed seed: staff and organisations through the owner connection, responses through
 * the responses subgraph's bulk import (rollups as submissions make them).
 */
export async function seedSyntheticTrusts(owner: Client, db: EntityManager, options: { tenants: number; responses: number; seed: number }): Promise<SyntheticTrust[]> {
  const random = seededRandom(options.seed);
  const trusts: SyntheticTrust[] = [];
  const report = progress('seeding responses', options.responses);
  let written = 0;
  let people = 0;
  for (let t = 0; t < options.tenants; t++) {
    const want = Math.round((options.responses - written) / (options.tenants - t));
    const trust = uuidFrom(random);
    await owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $1, NULL, 'trust', $2)`, [trust, `Synthetic Trust ${t + 1}`]);
    const places: HistoryPlace[] = [];
    for (const [name, setting, roles] of SERVICES) {
      const service = uuidFrom(random);
      await owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $2, $2, 'service', $3)`, [service, trust, `${name} services`]);
      for (let i = 0; i < TEAMS_PER_SERVICE; i++) {
        const team = uuidFrom(random);
        await owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $2, $3, 'team', $4)`, [team, trust, service, `${name} team ${i + 1}`]);
        places.push({ tenantId: trust, organisationId: team, settingId: nationalId('setting', setting), roleIds: roles.map((r) => nationalId('role', r)) });
      }
    }
    // Staff in batches until their rounds give this trust its share of responses.
    const invitations: HistoryInvitation[] = [];
    let answered = 0;
    while (answered < want) {
      const staff = historyStaff(random, places, { count: 1000, startFrom: '2023-04-01', startTo: '2026-06-30', today: '2026-11-01' });
      await owner.query(
        `INSERT INTO directory.staff (id, tenant_id, external_ref, role_id, employing_organisation_id, setting_id, started_on, cohort, left_on, leave_reason)
         SELECT id, $1, 'SYN' || ref, role_id, organisation_id, setting_id, started_on, cohort, left_on, CASE WHEN left_on IS NULL THEN NULL ELSE 'unknown' END
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::date[], $8::text[], $9::date[]) AS s(id, ref, role_id, organisation_id, setting_id, started_on, cohort, left_on)`,
        [
          trust,
          staff.map((s) => s.id),
          staff.map((_, i) => String(people + i).padStart(7, '0')),
          staff.map((s) => s.roleId),
          staff.map((s) => s.organisationId),
          staff.map((s) => s.settingId),
          staff.map((s) => s.startedOn),
          staff.map((s) => s.cohort),
          staff.map((s) => s.leftOn),
        ],
      );
      people += staff.length;
      for (const invitation of belongingRounds(random, staff, ROUNDS)) {
        if (invitation.answers && answered >= want) continue;
        if (invitation.answers) answered++;
        invitations.push(invitation);
      }
    }
    const surveyId = uuidFrom(random);
    const campaignId = uuidFrom(random);
    await owner.query(
      `INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status, instrument_code, instrument_version, draft, draft_scoring)
       VALUES ($1, $2, $2, 'Where I belong: quarterly', 'published', $3, $4, $5, $6)`,
      [surveyId, trust, where.code, where.version, where.json, where.scoring],
    );
    await owner.query(`INSERT INTO forms.survey_version (id, tenant_id, survey_id, number, json, scoring, content_hash) VALUES ($1, $2, $3, 1, $4, $5, $6)`, [
      uuidFrom(random),
      trust,
      surveyId,
      where.json,
      where.scoring,
      contentHash(where.json, where.scoring),
    ]);
    await owner.query(
      `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, state)
       VALUES ($1, $2::uuid, $2::uuid, $3, 1, 'Where I belong: quarterly rounds', jsonb_build_object('organisationId', $2::text, 'roleIds', '[]'::jsonb, 'settingIds', '[]'::jsonb),
               jsonb_build_object('kind', 'recurring', 'opensOn', $4::text, 'everyWeeks', 13, 'windowDays', 21, 'until', $5::text), 'closed')`,
      [campaignId, trust, surveyId, ROUNDS[0], ROUNDS[ROUNDS.length - 1]],
    );
    const before = written;
    const result = await importResponses(
      db,
      { tenantId: trust, campaignId, surveyId, versionNumber: 1, anonymity: 'pseudonymous', form: where.json, scoring: where.scoring },
      invitations.map(fromHistory),
      { batch: 5000, progress: (_invitations, responses) => report(before + responses) },
    );
    written += result.responses;
    trusts.push({ id: trust, surveyId, campaignId, responses: result.responses });
  }
  return trusts;
}
