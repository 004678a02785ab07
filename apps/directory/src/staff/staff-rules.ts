import { LIST_SIZES } from '@harbour/graphql-kit';
import type { ImportProblem, StaffColumn, StaffCsvRow } from './staff-csv';
import { LeaveReasonValue } from './staff-enums';

export const PAY_BANDS = ['1', '2', '3', '4', '5', '6', '7', '8a', '8b', '8c', '8d', '9'] as const;
/** The leaving reasons, as the GraphQL enum (and the database's check) has them. */
export const LEAVE_REASONS: readonly LeaveReason[] = Object.values(LeaveReasonValue);
export type LeaveReason = `${LeaveReasonValue}`;

/** A checked row, with names resolved to ids. */
export interface StaffRecord {
  row: number;
  externalRef: string;
  roleId: string;
  employerId: string;
  hostIds: string[];
  settingId: string | null;
  startedOn: string;
  cohort: string | null;
  payBand: string | null;
  lineManagerRef: string | null;
  clinicalSupervisorRef: string | null;
  name: string | null;
  email: string | null;
  leftOn: string | null;
  leaveReason: LeaveReason | null;
}

/** What names in a file can mean, within the organisation being imported into. */
export interface StaffLookups {
  /** Role codes and names (lower case) → id: the national catalogue and the tenant's own. */
  roles: Map<string, string>;
  settings: Map<string, string>;
  /** ODS codes and names (lower case) → id, or null where two organisations share the name. */
  organisations: Map<string, string | null>;
  /** Every organisation in the subtree imported into. */
  organisationIds: Set<string>;
  /** The organisation imported into, for messages. */
  scopeName: string;
}

/** 2026-03-31 or 31/03/2026 (UK order) → 2026-03-31; null when it is not a real date. */
export function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1950 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Checks every row against the lookups and returns every problem, by row and column, or the
 * records when there are none. Nothing is half-checked: all rows are looked at.
 */
export function checkStaffRows(
  rows: StaffCsvRow[],
  headers: Partial<Record<StaffColumn, string>>,
  lookups: StaffLookups,
): { records: StaffRecord[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const records: StaffRecord[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    let ok = true;
    const problem = (column: StaffColumn, message: string) => {
      ok = false;
      problems.push({ row, column: headers[column] ?? column, value: values[column] ?? null, message });
    };
    const required = (column: StaffColumn): string | null => {
      const value = values[column];
      if (!value) problem(column, `${headers[column] ?? column} is empty`);
      return value ?? null;
    };
    const organisation = (column: StaffColumn, value: string): string | null => {
      const id = lookups.organisations.get(value.toLowerCase());
      if (id === undefined) problem(column, `No organisation "${value}" in ${lookups.scopeName} (give its ODS code or exact name)`);
      else if (id === null) problem(column, `More than one organisation is called "${value}": give its ODS code`);
      return id ?? null;
    };

    const externalRef = required('external_ref');
    if (externalRef && externalRef.length > 64) problem('external_ref', 'A reference is at most 64 characters');
    if (externalRef) {
      const first = seen.get(externalRef);
      if (first !== undefined) problem('external_ref', `Duplicate reference: row ${first} has it too`);
      else seen.set(externalRef, row);
    }
    const roleValue = required('role');
    const roleId = roleValue ? lookups.roles.get(roleValue.toLowerCase()) : undefined;
    if (roleValue && !roleId) problem('role', `Unknown role "${roleValue}" (give a role code such as peer_support_worker, or its name)`);
    const employerValue = required('employing_organisation');
    const employerId = employerValue ? organisation('employing_organisation', employerValue) : null;
    const hostIds: string[] = [];
    for (const host of (values.host_organisations ?? '').split(/[;|]/).map((h) => h.trim()).filter(Boolean)) {
      const id = organisation('host_organisations', host);
      if (id && !hostIds.includes(id)) hostIds.push(id);
    }
    if (hostIds.length > LIST_SIZES['Staff.hostOrganisations']) problem('host_organisations', `${hostIds.length} host organisations; the most is ${LIST_SIZES['Staff.hostOrganisations']}`);
    let settingId: string | null = null;
    if (values.setting) {
      settingId = lookups.settings.get(values.setting.toLowerCase()) ?? null;
      if (!settingId) problem('setting', `Unknown setting "${values.setting}" (give a setting code such as inpatient, or its name)`);
    }
    const startValue = required('start_date');
    const startedOn = startValue ? parseDate(startValue) : null;
    if (startValue && !startedOn) problem('start_date', `"${startValue}" is not a date: write 2026-03-31 or 31/03/2026`);
    const payBand = values.pay_band ? values.pay_band.toLowerCase().replace(/^band\s*/, '') : null;
    if (payBand && !(PAY_BANDS as readonly string[]).includes(payBand)) problem('pay_band', `"${values.pay_band}" is not an Agenda for Change band (1 to 9, 8a to 8d)`);
    if (values.email && !EMAIL.test(values.email)) problem('email', `"${values.email}" is not an email address`);
    let leftOn: string | null = null;
    if (values.left_date) {
      leftOn = parseDate(values.left_date);
      if (!leftOn) problem('left_date', `"${values.left_date}" is not a date: write 2026-03-31 or 31/03/2026`);
      else if (startedOn && leftOn < startedOn) problem('left_date', 'The leaving date is before the start date');
    }
    const reason = values.leave_reason ? values.leave_reason.toLowerCase().replace(/[^a-z]+/g, '_') : null;
    if (reason && !(LEAVE_REASONS as readonly string[]).includes(reason)) problem('leave_reason', `Unknown reason "${values.leave_reason}": one of ${LEAVE_REASONS.join(', ')}`);
    if (values.left_date && !reason) problem('leave_reason', 'A leaver needs a reason (unknown will do)');
    if (reason && !values.left_date) problem('left_date', 'A leaving reason needs a leaving date');
    for (const column of ['cohort', 'line_manager_ref', 'clinical_supervisor_ref', 'name'] as const) {
      if ((values[column]?.length ?? 0) > (column === 'name' ? 200 : column === 'cohort' ? 100 : 64)) problem(column, `${headers[column]} is too long`);
    }
    if (ok) {
      records.push({
        row,
        externalRef: externalRef!,
        roleId: roleId!,
        employerId: employerId!,
        hostIds,
        settingId,
        startedOn: startedOn!,
        cohort: values.cohort ?? null,
        payBand,
        lineManagerRef: values.line_manager_ref ?? null,
        clinicalSupervisorRef: values.clinical_supervisor_ref ?? null,
        name: values.name ?? null,
        email: values.email?.toLowerCase() ?? null,
        leftOn,
        leaveReason: (reason as LeaveReason | null) ?? null,
      });
    }
  }
  return { records, problems };
}
