import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { readStaffCsv, type ImportProblem, type StaffColumn } from './staff-csv';
import { checkStaffRows, type StaffLookups, type StaffRecord } from './staff-rules';

/** What an import did, or would do on a dry run. */
export interface StaffImportOutcome {
  rows: number;
  created: number;
  /** Staff whose role, employer, hosts or setting changed: each gets a `changed` event. */
  changed: number;
  /** Staff whose other details (band, cohort, contacts, ...) changed. */
  updated: number;
  left: number;
  unchanged: number;
  problems: ImportProblem[];
  ignoredColumns: string[];
  applied: boolean;
}

export type ImportPhase = 'reading' | 'checking' | 'applying' | 'done' | 'failed';
export type ImportProgress = (phase: ImportPhase, processed: number, total: number) => Promise<void>;

interface ExistingStaff {
  id: string;
  external_ref: string;
  role_id: string;
  employing_organisation_id: string;
  setting_id: string | null;
  started_on: string;
  cohort: string | null;
  pay_band: string | null;
  line_manager_ref: string | null;
  clinical_supervisor_ref: string | null;
  left_on: string | null;
  leave_reason: string | null;
  host_ids: string[];
  name: string | null;
  email: string | null;
}

const CHUNK = 2000;

/** Names a file may use, within the organisation imported into (and its tenant's catalogues). */
async function lookupsFor(db: EntityManager, scope: { id: string; tenantId: string; name: string }): Promise<StaffLookups> {
  const byKey = (rows: { id: string; keys: (string | null)[] }[], unique: boolean) => {
    const map = new Map<string, string | null>();
    for (const { id, keys } of rows) {
      for (const key of keys) {
        if (!key) continue;
        const k = key.toLowerCase();
        map.set(k, !unique && map.has(k) && map.get(k) !== id ? null : id);
      }
    }
    return map;
  };
  const [roles, settings, organisations] = await Promise.all([
    db.query(`SELECT id, ARRAY[code, name] AS keys FROM directory.role WHERE tenant_id IS NULL OR tenant_id = $1`, [scope.tenantId]),
    db.query(`SELECT id, ARRAY[code, name] AS keys FROM directory.setting WHERE tenant_id IS NULL OR tenant_id = $1`, [scope.tenantId]),
    db.query(
      `SELECT o.id, ARRAY[o.ods_code, o.name] AS keys FROM directory.organisation_closure c
       JOIN directory.organisation o ON o.id = c.descendant_id WHERE c.ancestor_id = $1`,
      [scope.id],
    ),
  ]);
  return {
    roles: byKey(roles, true) as Map<string, string>,
    settings: byKey(settings, true) as Map<string, string>,
    organisations: byKey(organisations, false),
    organisationIds: new Set(organisations.map((o: { id: string }) => o.id)),
    scopeName: scope.name,
  };
}

async function existingStaff(db: EntityManager, tenantId: string, refs: string[]): Promise<Map<string, ExistingStaff>> {
  const rows: ExistingStaff[] = await db.query(
    `SELECT s.id, s.external_ref, s.role_id, s.employing_organisation_id, s.setting_id, s.started_on::text, s.cohort, s.pay_band,
            s.line_manager_ref, s.clinical_supervisor_ref, s.left_on::text, s.leave_reason, c.name, c.email,
            coalesce((SELECT array_agg(h.organisation_id ORDER BY h.organisation_id) FROM directory.staff_host h WHERE h.staff_id = s.id), '{}') AS host_ids
     FROM directory.staff s LEFT JOIN directory.staff_contact c ON c.staff_id = s.id
     WHERE s.tenant_id = $1 AND s.external_ref = ANY($2::text[])`,
    [tenantId, refs],
  );
  return new Map(rows.map((row) => [row.external_ref, row]));
}

type Plan =
  | { kind: 'create'; record: StaffRecord; id: string }
  | { kind: 'update'; record: StaffRecord; id: string; employment: boolean; leaving: boolean; rejoining: boolean; hosts: boolean; existing: ExistingStaff };

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);

/** What each record would change; null when nothing. */
function planFor(record: StaffRecord, existing: ExistingStaff | undefined, contactColumns: boolean): Plan | null {
  if (!existing) return { kind: 'create', record, id: randomUUID() };
  const hosts = !sameSet(existing.host_ids, record.hostIds);
  const employment =
    existing.role_id !== record.roleId || existing.employing_organisation_id !== record.employerId || existing.setting_id !== record.settingId || hosts;
  const leaving = existing.left_on === null && record.leftOn !== null;
  const rejoining = existing.left_on !== null && record.leftOn === null;
  const details =
    existing.started_on !== record.startedOn ||
    existing.cohort !== record.cohort ||
    existing.pay_band !== record.payBand ||
    existing.line_manager_ref !== record.lineManagerRef ||
    existing.clinical_supervisor_ref !== record.clinicalSupervisorRef ||
    existing.left_on !== record.leftOn ||
    existing.leave_reason !== record.leaveReason ||
    (contactColumns && (existing.name !== record.name || existing.email !== record.email));
  if (!employment && !leaving && !rejoining && !details) return null;
  return { kind: 'update', record, id: existing.id, employment, leaving, rejoining, hosts, existing };
}

/**
 * Imports staff from CSV into an organisation's subtree: every row is checked first and any
 * problem stops the whole import (nothing is written). Otherwise, unless it is a dry run,
 * staff are upserted by external reference in the caller's transaction, with employment
 * events for starts, changes and leaving. Importing the same file again changes nothing.
 */
export async function importStaff(
  db: EntityManager,
  input: { scope: { id: string; tenantId: string; name: string }; csv: string; apply: boolean; accountId: string | null; today: string },
  progress: ImportProgress = async () => undefined,
): Promise<StaffImportOutcome> {
  const read = readStaffCsv(input.csv);
  const total = read.rows.length;
  await progress('checking', 0, total);
  const lookups = await lookupsFor(db, input.scope);
  const checked = checkStaffRows(read.rows, read.headers, lookups);
  const problems = [...read.problems, ...checked.problems];
  const existing = await existingStaff(db, input.scope.tenantId, checked.records.map((r) => r.externalRef));
  // Someone employed outside the subtree being imported into is not the importer's to change.
  for (const record of checked.records) {
    const found = existing.get(record.externalRef);
    if (found && !lookups.organisationIds.has(found.employing_organisation_id)) {
      problems.push({ row: record.row, column: read.headers.external_ref ?? 'external_ref', value: record.externalRef, message: `${record.externalRef} is employed outside ${input.scope.name}` });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const contactColumns = Boolean(read.headers.name || read.headers.email);
  const plans = checked.records.map((record) => planFor(record, existing.get(record.externalRef), contactColumns));
  const outcome: StaffImportOutcome = {
    rows: total,
    created: plans.filter((p) => p?.kind === 'create').length,
    changed: plans.filter((p) => p?.kind === 'update' && p.employment).length,
    updated: plans.filter((p) => p?.kind === 'update' && !p.employment).length,
    left: plans.filter((p) => (p?.kind === 'create' && p.record.leftOn) || (p?.kind === 'update' && p.leaving)).length,
    unchanged: plans.filter((p) => p === null).length,
    problems,
    ignoredColumns: read.ignoredColumns,
    applied: false,
  };
  await progress('checking', total, total);
  if (problems.length || !input.apply) return outcome;

  const work = plans.filter((p): p is Plan => p !== null);
  for (let start = 0; start < work.length; start += CHUNK) {
    await applyChunk(db, input, work.slice(start, start + CHUNK), contactColumns);
    await progress('applying', Math.min(start + CHUNK, work.length), work.length);
  }
  return { ...outcome, applied: true };
}

/** Writes a chunk of plans in a handful of set-based statements. */
async function applyChunk(
  db: EntityManager,
  input: { scope: { tenantId: string }; accountId: string | null; today: string },
  plans: Plan[],
  contactColumns: boolean,
): Promise<void> {
  const tenant = input.scope.tenantId;
  const column = <T>(pick: (p: Plan) => T) => plans.map(pick);
  await db.query(
    `INSERT INTO directory.staff AS s (id, tenant_id, external_ref, role_id, employing_organisation_id, setting_id, started_on, cohort, pay_band,
       line_manager_ref, clinical_supervisor_ref, left_on, leave_reason)
     SELECT u.id, $1, u.ref, u.role, u.employer, u.setting, u.started, u.cohort, u.band, u.manager, u.supervisor, u.left_on, u.reason
     FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::date[], $8::text[], $9::text[], $10::text[], $11::text[], $12::date[], $13::text[])
       AS u(id, ref, role, employer, setting, started, cohort, band, manager, supervisor, left_on, reason)
     ON CONFLICT (id) DO UPDATE SET role_id = EXCLUDED.role_id, employing_organisation_id = EXCLUDED.employing_organisation_id,
       setting_id = EXCLUDED.setting_id, started_on = EXCLUDED.started_on, cohort = EXCLUDED.cohort, pay_band = EXCLUDED.pay_band,
       line_manager_ref = EXCLUDED.line_manager_ref, clinical_supervisor_ref = EXCLUDED.clinical_supervisor_ref,
       left_on = EXCLUDED.left_on, leave_reason = EXCLUDED.leave_reason, updated_at = now()`,
    [
      tenant,
      column((p) => p.id),
      column((p) => p.record.externalRef),
      column((p) => p.record.roleId),
      column((p) => p.record.employerId),
      column((p) => p.record.settingId),
      column((p) => p.record.startedOn),
      column((p) => p.record.cohort),
      column((p) => p.record.payBand),
      column((p) => p.record.lineManagerRef),
      column((p) => p.record.clinicalSupervisorRef),
      column((p) => p.record.leftOn),
      column((p) => p.record.leaveReason),
    ],
  );
  const rehosted = plans.filter((p) => p.kind === 'create' || p.hosts);
  if (rehosted.length) {
    await db.query(`DELETE FROM directory.staff_host WHERE staff_id = ANY($1::uuid[])`, [rehosted.map((p) => p.id)]);
    const pairs = rehosted.flatMap((p) => p.record.hostIds.map((host) => [p.id, host] as const));
    if (pairs.length) {
      await db.query(
        `INSERT INTO directory.staff_host (tenant_id, staff_id, organisation_id) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`,
        [tenant, pairs.map(([id]) => id), pairs.map(([, host]) => host)],
      );
    }
  }
  if (contactColumns) {
    await db.query(
      `INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email) SELECT u.id, $1, u.name, u.email
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, name, email) WHERE u.name IS NOT NULL OR u.email IS NOT NULL
       ON CONFLICT (staff_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email`,
      [tenant, column((p) => p.id), column((p) => p.record.name), column((p) => p.record.email)],
    );
    await db.query(`DELETE FROM directory.staff_contact WHERE staff_id = ANY($1::uuid[])`, [
      plans.filter((p) => !p.record.name && !p.record.email).map((p) => p.id),
    ]);
  }
  // Employment history: appended, never rewritten.
  const events: { staff: Plan; kind: 'started' | 'changed' | 'left'; on: string }[] = [];
  for (const plan of plans) {
    if (plan.kind === 'create') events.push({ staff: plan, kind: 'started', on: plan.record.startedOn });
    else if (plan.rejoining) events.push({ staff: plan, kind: 'started', on: plan.record.startedOn });
    else if (plan.employment) events.push({ staff: plan, kind: 'changed', on: input.today });
    if ((plan.kind === 'create' && plan.record.leftOn) || (plan.kind === 'update' && plan.leaving)) {
      events.push({ staff: plan, kind: 'left', on: plan.record.leftOn! });
    }
  }
  if (events.length) {
    await db.query(
      `INSERT INTO directory.employment_event (id, tenant_id, staff_id, kind, occurred_on, role_id, employing_organisation_id,
         host_organisation_ids, setting_id, leave_reason, recorded_by)
       SELECT gen_random_uuid(), $1, u.staff, u.kind, u.occurred, u.role, u.employer, string_to_array(u.hosts, ',')::uuid[], u.setting, u.reason, $2
       FROM unnest($3::uuid[], $4::text[], $5::date[], $6::uuid[], $7::uuid[], $8::text[], $9::uuid[], $10::text[])
         AS u(staff, kind, occurred, role, employer, hosts, setting, reason)`,
      [
        tenant,
        input.accountId,
        events.map((e) => e.staff.id),
        events.map((e) => e.kind),
        events.map((e) => e.on),
        events.map((e) => e.staff.record.roleId),
        events.map((e) => e.staff.record.employerId),
        events.map((e) => e.staff.record.hostIds.join(',')),
        events.map((e) => e.staff.record.settingId),
        events.map((e) => (e.kind === 'left' ? e.staff.record.leaveReason : null)),
      ],
    );
  }
}

export type { ImportProblem, StaffColumn };
