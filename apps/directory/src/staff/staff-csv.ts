import { parse } from 'csv-parse/sync';

/** The columns a staff file may have; an ESR export's or a spreadsheet's names for them are accepted too. */
export const STAFF_COLUMNS = {
  external_ref: { required: true, aliases: ['assignment_number', 'esr_assignment_number', 'staff_ref', 'reference'] },
  role: { required: true, aliases: ['role_code', 'job_role'] },
  employing_organisation: { required: true, aliases: ['employer', 'employing_org', 'organisation'] },
  start_date: { required: true, aliases: ['started_on', 'assignment_start_date', 'start'] },
  host_organisations: { required: false, aliases: ['hosts', 'host_organisation', 'host_practices'] },
  setting: { required: false, aliases: ['setting_code', 'service_line'] },
  cohort: { required: false, aliases: ['training_cohort'] },
  pay_band: { required: false, aliases: ['band', 'afc_band'] },
  line_manager_ref: { required: false, aliases: ['line_manager'] },
  clinical_supervisor_ref: { required: false, aliases: ['clinical_supervisor', 'supervisor_ref'] },
  name: { required: false, aliases: ['full_name'] },
  email: { required: false, aliases: ['email_address', 'work_email'] },
  left_date: { required: false, aliases: ['leaving_date', 'left_on', 'termination_date'] },
  leave_reason: { required: false, aliases: ['leaving_reason', 'reason_for_leaving'] },
} as const;

export type StaffColumn = keyof typeof STAFF_COLUMNS;

/** One problem, where a person would look for it: the file's line and the column's name as the file spells it. */
export interface ImportProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface StaffCsvRow {
  /** Line in the file; the header is line 1. */
  row: number;
  values: Partial<Record<StaffColumn, string>>;
}

export interface ReadStaffCsv {
  rows: StaffCsvRow[];
  problems: ImportProblem[];
  /** Each known column's name as it appears in the file. */
  headers: Partial<Record<StaffColumn, string>>;
  /** Columns Harbour does not use (an ESR export has many). */
  ignoredColumns: string[];
}

/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 50_000;

function normalise(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function columnFor(header: string): StaffColumn | undefined {
  const name = normalise(header);
  for (const [column, spec] of Object.entries(STAFF_COLUMNS) as [StaffColumn, (typeof STAFF_COLUMNS)[StaffColumn]][]) {
    if (column === name || (spec.aliases as readonly string[]).includes(name)) return column;
  }
  return undefined;
}

/** Reads a staff CSV: the header decides which column is which; empty cells count as absent. */
export function readStaffCsv(text: string): ReadStaffCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return { rows: [], problems: [{ row: line ?? 1, column: null, value: null, message: `The file is not valid CSV: ${(error as Error).message}` }], headers: {}, ignoredColumns: [] };
  }
  const header = records[0]?.record;
  const body = records.slice(1);
  if (!header) return { rows: [], problems: [{ row: 1, column: null, value: null, message: 'The file is empty' }], headers: {}, ignoredColumns: [] };
  const problems: ImportProblem[] = [];
  const headers: Partial<Record<StaffColumn, string>> = {};
  const positions: [number, StaffColumn][] = [];
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const column = columnFor(name);
    if (!column) ignoredColumns.push(name);
    else if (headers[column]) problems.push({ row: 1, column: name, value: null, message: `Two columns mean ${column}: "${headers[column]}" and "${name}"` });
    else {
      headers[column] = name;
      positions.push([index, column]);
    }
  });
  for (const [column, spec] of Object.entries(STAFF_COLUMNS)) {
    if (spec.required && !headers[column as StaffColumn]) {
      problems.push({ row: 1, column, value: null, message: `The file has no ${column} column (it is required)` });
    }
  }
  if (body.length > MAX_IMPORT_ROWS) {
    problems.push({ row: MAX_IMPORT_ROWS + 2, column: null, value: null, message: `A file may hold at most ${MAX_IMPORT_ROWS} staff; split it` });
  }
  const rows = body.slice(0, MAX_IMPORT_ROWS).map(({ record, info }) => {
    const values: Partial<Record<StaffColumn, string>> = {};
    for (const [position, column] of positions) {
      const cell = record[position];
      if (cell) values[column] = cell;
    }
    // The line the record starts on: where it ends, less the line breaks inside quoted cells.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { row: info.lines - breaks, values };
  });
  return { rows, problems, headers, ignoredColumns };
}
