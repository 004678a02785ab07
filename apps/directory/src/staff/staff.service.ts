import type { EntityManager } from 'typeorm';
import { decodeCursor, LIST_SIZES, groupByKey, pageFrom, type Page } from '@harbour/graphql-kit';
import { EmploymentEvent } from './employment-event.entity';
import type { EmploymentEventKind, LeaveReasonValue } from './staff-enums';
import { Staff, type StaffContact } from './staff.entity';

export interface StaffFilter {
  /** Staff employed or hosted anywhere below (and in) this organisation. */
  organisationId: string;
  first: number;
  after?: string | null;
  /** The start of an external reference, or part of a name. */
  search?: string | null;
  roleId?: string | null;
  settingId?: string | null;
  includeLeft: boolean;
}

/** Staff by external reference, a page at a time (keyset on reference, id). */
export async function listStaff(db: EntityManager, filter: StaffFilter): Promise<Page<Staff>> {
  const query = db
    .getRepository(Staff)
    .createQueryBuilder('s')
    .where(
      `(EXISTS (SELECT 1 FROM directory.organisation_closure c WHERE c.ancestor_id = :org AND c.descendant_id = s.employing_organisation_id)
        OR EXISTS (SELECT 1 FROM directory.staff_host h JOIN directory.organisation_closure c ON c.descendant_id = h.organisation_id
                   WHERE h.staff_id = s.id AND c.ancestor_id = :org))`,
      { org: filter.organisationId },
    )
    .orderBy('s.external_ref')
    .addOrderBy('s.id')
    .limit(filter.first + 1);
  if (filter.search?.trim()) {
    const search = filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    query.andWhere(
      `(s.external_ref ILIKE :prefix OR EXISTS (SELECT 1 FROM directory.staff_contact sc WHERE sc.staff_id = s.id AND sc.name ILIKE :part))`,
      { prefix: `${search}%`, part: `%${search}%` },
    );
  }
  if (filter.roleId) query.andWhere('s.role_id = :role', { role: filter.roleId });
  if (filter.settingId) query.andWhere('s.setting_id = :setting', { setting: filter.settingId });
  if (!filter.includeLeft) query.andWhere('s.left_on IS NULL');
  if (filter.after) {
    const [ref, id] = decodeCursor(filter.after, ['text', 'uuid']);
    query.andWhere('(s.external_ref, s.id) > (:ref, :id)', { ref, id });
  }
  return pageFrom(await query.getMany(), filter.first, (s) => [s.externalRef, s.id]);
}

export function staffByIds(db: EntityManager, ids: readonly string[]): Promise<Staff[]> {
  return db.getRepository(Staff).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
}

export async function hostsOf(db: EntityManager, staffIds: readonly string[]): Promise<string[][]> {
  const rows: { staff_id: string; organisation_id: string }[] = await db.query(
    `SELECT staff_id, organisation_id FROM directory.staff_host WHERE staff_id = ANY($1::uuid[]) ORDER BY organisation_id`,
    [staffIds],
  );
  return groupByKey(staffIds, rows, (r) => r.staff_id).map((rs) => rs.map((r) => r.organisation_id));
}

export async function contactsOf(db: EntityManager, staffIds: readonly string[]): Promise<(StaffContact | null)[]> {
  const rows: { staff_id: string; name: string | null; email: string | null }[] = await db.query(
    `SELECT staff_id, name, email FROM directory.staff_contact WHERE staff_id = ANY($1::uuid[])`,
    [staffIds],
  );
  const byId = new Map(rows.map((r) => [r.staff_id, { name: r.name, email: r.email }]));
  return staffIds.map((id) => byId.get(id) ?? null);
}

export async function eventsOf(db: EntityManager, staffIds: readonly string[]): Promise<EmploymentEvent[][]> {
  const rows: {
    id: string;
    staff_id: string;
    kind: EmploymentEventKind;
    occurred_on: string;
    role_id: string;
    employing_organisation_id: string;
    host_organisation_ids: string[];
    setting_id: string | null;
    leave_reason: LeaveReasonValue | null;
    recorded_at: Date;
  }[] = await db.query(
    `SELECT id, staff_id, kind, occurred_on, role_id, employing_organisation_id, host_organisation_ids, setting_id, leave_reason, recorded_at
     FROM (SELECT id, staff_id, kind, occurred_on::text, role_id, employing_organisation_id, host_organisation_ids, setting_id, leave_reason, recorded_at,
                  row_number() OVER (PARTITION BY staff_id ORDER BY occurred_on DESC, recorded_at DESC, id DESC) AS latest
           FROM directory.employment_event WHERE staff_id = ANY($1::uuid[])) e
     WHERE latest <= $2 ORDER BY occurred_on, recorded_at, id`,
    [staffIds, LIST_SIZES['Staff.events']],
  );
  const events = rows.map((r) =>
    Object.assign(new EmploymentEvent(), {
      id: r.id,
      staffId: r.staff_id,
      kind: r.kind,
      occurredOn: r.occurred_on,
      roleId: r.role_id,
      employingOrganisationId: r.employing_organisation_id,
      hostOrganisationIds: r.host_organisation_ids,
      settingId: r.setting_id,
      leaveReason: r.leave_reason,
      recordedAt: r.recorded_at,
    }),
  );
  return groupByKey(staffIds, events, (e) => e.staffId);
}
