import type { EntityManager } from 'typeorm';
import { scopeCondition, type GrantScope } from '@harbour/graphql-kit';
import { refreshTenants, type Population } from '../disclosure/refresh-cells';

/** Summed rollups of one measure over a set of cells. */
export interface MeasureSums {
  n: number;
  total: number;
  totalSq: number;
  favourable: number;
  totalY: number;
  totalYSq: number;
  totalXy: number;
}

/** Who a report is about. Unset lists mean "any". Months are YYYY-MM-01. */
export interface ReportFilter {
  surveyIds: string[];
  organisationId?: string;
  roleIds?: string[];
  /** Everyone but these roles: the peer comparison. */
  otherThanRoleIds?: string[];
  settingIds?: string[];
  cohorts?: string[];
  tenureBands?: string[];
  from?: string;
  to?: string;
}

/** What a breakdown, trend or tenure curve groups the filtered cells by. */
export type Grouping = 'role' | 'setting' | 'organisation' | 'cohort' | 'tenure_band' | 'month' | 'quarter';

/** Figures per group: the key is the group's value, or null for cells that cannot be told apart on it. */
export type GroupedSums = Map<string | null, Map<string, MeasureSums>>;

const GROUP_KEY: Record<Grouping, string> = {
  role: 'c.role_id::text',
  setting: 'c.setting_id::text',
  cohort: 'c.cohort',
  tenure_band: 'c.tenure_band',
  month: `CASE WHEN c.period_unit = 'month' THEN to_char(c.period_start, 'YYYY-MM-DD') END`,
  quarter: `CASE WHEN c.period_unit IN ('month', 'quarter') THEN to_char(date_trunc('quarter', c.period_start), 'YYYY-MM-DD') END`,
  // The child of the filter's organisation the cell lies in; null when at that organisation itself.
  organisation: `(SELECT a.ancestor_id::text FROM directory.organisation_ancestry a
                   JOIN directory.organisation_ancestry p ON p.descendant_id = a.ancestor_id AND p.depth = 1 AND p.ancestor_id = $ORG
                   WHERE a.descendant_id = c.organisation_id)`,
};

/**
 * Conditions on a disclosure cell `c` that keep it when it lies wholly inside the filter and
 * the caller's scope. A cell that covers more than the filter asks for (merged across a
 * dimension the filter narrows) is left out whole, never split: that is what keeps every
 * figure a sum of whole cells. Returns the conditions and the bound organisation, if any.
 */
export function cellConditions(scope: GrantScope, filter: ReportFilter, bind: (value: unknown) => string): { where: string[]; organisation: string | null } {
  const where = [
    `c.survey_id = ANY(${bind(filter.surveyIds)}::uuid[])`,
    scopeCondition(scope, { tenant: 'c.tenant_id', organisation: 'c.organisation_id' }, bind),
  ];
  let organisation: string | null = null;
  if (filter.organisationId) {
    organisation = bind(filter.organisationId);
    where.push(`EXISTS (SELECT 1 FROM directory.organisation_ancestry a WHERE a.descendant_id = c.organisation_id AND a.ancestor_id = ${organisation}::uuid)`);
  }
  if (filter.roleIds) where.push(`c.role_id = ANY(${bind(filter.roleIds)}::uuid[])`);
  if (filter.otherThanRoleIds) where.push(`c.role_id IS NOT NULL AND c.role_id <> ALL(${bind(filter.otherThanRoleIds)}::uuid[])`);
  if (filter.settingIds) where.push(`c.setting_id = ANY(${bind(filter.settingIds)}::uuid[])`);
  if (filter.cohorts) where.push(`c.cohort = ANY(${bind(filter.cohorts)}::text[])`);
  if (filter.tenureBands) where.push(`c.tenure_band = ANY(${bind(filter.tenureBands)}::text[])`);
  if (filter.from) where.push(`c.period_start >= ${bind(filter.from)}::date`);
  if (filter.to) where.push(`c.period_end <= ${bind(filter.to)}::date`);
  return { where, organisation };
}

/**
 * Sums the measures of every disclosure cell wholly inside the filter and the caller's scope
 * (see cellConditions), per group. `measures` are exact names or prefixes ending in ':'.
 */
export async function sumCells(
  db: EntityManager,
  scope: GrantScope,
  filter: ReportFilter,
  grouping: Grouping | null,
  measures: readonly string[],
  population: Population = 'responses',
): Promise<GroupedSums> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const { where, organisation } = cellConditions(scope, filter, bind);
  where.push(`c.population = ${bind(population)}`);
  if (grouping === 'organisation' && !organisation) throw new Error('Grouping by organisation needs an organisation to break down');
  const key = grouping ? GROUP_KEY[grouping].replace('$ORG', `${organisation}::uuid`) : 'NULL::text';
  return aggregate(db, { cells: 'insights.report_cell', measures: 'insights.report_cell_measure' }, key, where, measureCondition(measures, bind), params);
}

/** Who the all-tenant benchmark compares with: no organisation or cohort, as those are a tenant's own. */
export interface BenchmarkFilter {
  instruments: string[];
  roleIds?: string[];
  settingIds?: string[];
  tenureBands?: string[];
  from?: string;
  to?: string;
}

/**
 * Sums the measures of every all-tenant benchmark cell wholly inside the filter, per group:
 * each cell holds at least k respondents from at least three tenants, so no figure shows one
 * tenant, nor can any combination of figures.
 */
export async function sumBenchmarkCells(
  db: EntityManager,
  filter: BenchmarkFilter,
  grouping: 'role' | 'setting' | 'tenure_band' | null,
  measures: readonly string[],
): Promise<GroupedSums> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = [`c.instrument_code = ANY(${bind(filter.instruments)}::text[])`];
  if (filter.roleIds) where.push(`c.role_id = ANY(${bind(filter.roleIds)}::uuid[])`);
  if (filter.settingIds) where.push(`c.setting_id = ANY(${bind(filter.settingIds)}::uuid[])`);
  if (filter.tenureBands) where.push(`c.tenure_band = ANY(${bind(filter.tenureBands)}::text[])`);
  if (filter.from) where.push(`c.period_start >= ${bind(filter.from)}::date`);
  if (filter.to) where.push(`c.period_end <= ${bind(filter.to)}::date`);
  const key = grouping ? GROUP_KEY[grouping] : 'NULL::text';
  return aggregate(db, { cells: 'insights.benchmark_cell', measures: 'insights.benchmark_cell_measure' }, key, where, measureCondition(measures, bind), params);
}

/** Keeps measures by exact name, or by prefix for names ending in ':'. */
function measureCondition(measures: readonly string[], bind: (value: unknown) => string): string {
  return `(m.measure = ANY(${bind(measures.filter((m) => !m.endsWith(':')))}::text[])
      OR m.measure LIKE ANY(${bind(measures.filter((m) => m.endsWith(':')).map((m) => `${m.replace(/[%_\\]/g, '\\$&')}%`))}::text[]))`;
}

/**
 * Sums measures over the cells `where` keeps (conditions on `c`), grouped by `key` (an
 * expression on `c`). Cells are chosen, and keyed, once each, before their measures are read.
 */
async function aggregate(
  db: EntityManager,
  tables: { cells: string; measures: string },
  key: string,
  where: string[],
  measureWhere: string,
  params: unknown[],
): Promise<GroupedSums> {
  const rows = (await db.query(
    `WITH chosen AS MATERIALIZED (SELECT c.id, ${key} AS group_key FROM ${tables.cells} c WHERE ${where.join(' AND ')})
     SELECT c.group_key, m.measure, sum(m.n)::int AS n, sum(m.total) AS total, sum(m.total_sq) AS total_sq, sum(m.favourable)::int AS favourable,
            sum(m.total_y) AS total_y, sum(m.total_y_sq) AS total_y_sq, sum(m.total_xy) AS total_xy
     FROM chosen c JOIN ${tables.measures} m ON m.cell_id = c.id
     WHERE ${measureWhere}
     GROUP BY 1, 2`,
    params,
  )) as { group_key: string | null; measure: string; n: number; total: number; total_sq: number; favourable: number; total_y: number; total_y_sq: number; total_xy: number }[];
  const grouped: GroupedSums = new Map();
  for (const row of rows) {
    let group = grouped.get(row.group_key);
    if (!group) grouped.set(row.group_key, (group = new Map()));
    group.set(row.measure, {
      n: row.n,
      total: Number(row.total),
      totalSq: Number(row.total_sq),
      favourable: row.favourable,
      totalY: Number(row.total_y),
      totalYSq: Number(row.total_y_sq),
      totalXy: Number(row.total_xy),
    });
  }
  return grouped;
}

/**
 * Responses per survey or per role, as reports count them: the sum over every disclosure cell
 * of that survey (or of cells not merged across roles, of that role) inside the caller's scope.
 * Each cell holds at least its minimum, so a count is 0 or at least k, and no two counts (nor a
 * count and a report) differ by a smaller group. The cells of `tenantIds` are brought up to
 * date first.
 */
export async function countsInCells(db: EntityManager, scope: GrantScope, dimension: 'survey' | 'role', ids: readonly string[], tenantIds: readonly string[]): Promise<number[]> {
  await refreshTenants(db, tenantIds);
  const params: unknown[] = [ids];
  const column = dimension === 'survey' ? 'c.survey_id' : 'c.role_id';
  const inScope = scopeCondition(scope, { tenant: 'c.tenant_id', organisation: 'c.organisation_id' }, (value) => `$${params.push(value)}`);
  const rows = (await db.query(
    `SELECT ${column}::text AS id, sum(m.n)::int AS n
     FROM insights.report_cell c JOIN insights.report_cell_measure m ON m.cell_id = c.id AND m.measure = 'responses'
     WHERE c.population = 'responses' AND ${column} = ANY($1::uuid[]) AND ${inScope}
     GROUP BY 1`,
    params,
  )) as { id: string; n: number }[];
  const counts = new Map(rows.map((r) => [r.id, r.n]));
  return ids.map((id) => counts.get(id) ?? 0);
}
