import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError, LIST_SIZES, parseId, type GrantScope } from '@harbour/graphql-kit';
import { INSTRUMENTS, TENURE_BANDS } from '@harbour/survey-kit';
import { BENCHMARK_MIN_TENANTS } from '../disclosure/refresh-benchmark';
import { refreshTenants, type Population } from '../disclosure/refresh-cells';
import { DEFAULT_MIN_COMMENTS, DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import { FIGURE_MEASURES, figuresOf, questionText, share } from './figures';
import { monthStart, periodsBetween } from './periods';
import { cellConditions, sumBenchmarkCells, sumCells, type BenchmarkFilter, type Grouping, type MeasureSums, type ReportFilter } from './report-query';
import type { BreakdownRow, CommentSet, ReportFigures, RoleEvaluationFilter, RetentionBand, TenureBand, TrendPoint } from './report.types';
import { ReportDimension, TrendInterval } from './report.types';

/** A role evaluation ready to answer: whom it covers, as checked, and the thresholds that apply. */
export interface Evaluation {
  scope: GrantScope;
  filter: ReportFilter;
  tenantIds: string[];
  /** The library instruments its surveys were built from: what the all-tenant benchmark compares. */
  instruments: string[];
  minimumGroupSize: number;
  minimumComments: number;
}


/** The most values one of a filter's lists (surveys, roles, settings, cohorts) may hold. */
export const MAX_FILTER_VALUES = 200;

const bad = (argument: string, message: string) => new HarbourError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });

function list<T>(argument: string, values: T[] | undefined | null, check: (value: T) => T = (v) => v): T[] | undefined {
  if (values === undefined || values === null) return undefined;
  if (!values.length) throw bad(argument, 'an empty list matches no one; leave it out to mean any');
  if (values.length > MAX_FILTER_VALUES) throw bad(argument, `${values.length} values; the most is ${MAX_FILTER_VALUES}`);
  return [...new Set(values.map(check))];
}


/** Checks the filter, finds the surveys it means, and brings their tenants' disclosure cells up to date. */
export async function prepareEvaluation(db: EntityManager, scope: GrantScope, input: RoleEvaluationFilter, organisationId: string | undefined): Promise<Evaluation> {
  if (!input.instrument && !input.surveyIds) throw bad('filter', 'choose an instrument (e.g. where_i_belong) or surveyIds');
  if (input.instrument && !INSTRUMENTS.some((i) => i.code === input.instrument)) {
    throw bad('instrument', `there is no instrument "${input.instrument}" in the library (${INSTRUMENTS.map((i) => i.code).join(', ')})`);
  }
  const surveyIds = list('surveyIds', input.surveyIds, (id) => parseId('surveyIds', id));
  const from = monthStart('from', input.from);
  const to = monthStart('to', input.to);
  if (from && to && from > to) throw bad('from', `${input.from} is after to (${input.to})`);
  // An organisation narrows the surveys to its trust's.
  const surveys = (await db.query(
    `SELECT survey_id, tenant_id, instrument_code FROM forms.report_survey
     WHERE ($1::text IS NULL OR instrument_code = $1) AND ($2::uuid[] IS NULL OR survey_id = ANY($2::uuid[]))
       AND ($3::uuid IS NULL OR tenant_id = (SELECT tenant_id FROM directory.organisation_ancestry WHERE descendant_id = $3 LIMIT 1))`,
    [input.instrument ?? null, surveyIds ?? null, organisationId ?? null],
  )) as { survey_id: string; tenant_id: string; instrument_code: string | null }[];
  const missing = (surveyIds ?? []).filter((id) => !surveys.some((s) => s.survey_id === id));
  if (missing.length) throw bad('surveyIds', `no survey ${missing.join(', ')} that you may report on`);

  const tenantIds = [...new Set(surveys.map((s) => s.tenant_id))];
  await refreshTenants(db, tenantIds);
  const [thresholds] = (await db.query(
    `SELECT greatest($3::int, coalesce(max(p.min_group_size), 0), coalesce((SELECT max(min_group_size) FROM forms.report_campaign WHERE survey_id = ANY($2::uuid[])), 0))::int AS k,
            greatest($4::int, coalesce(max(p.min_comments), 0), coalesce((SELECT max(min_comments) FROM forms.report_campaign WHERE survey_id = ANY($2::uuid[])), 0))::int AS comments
     FROM insights.reporting_policy p WHERE p.tenant_id = ANY($1::uuid[])`,
    [tenantIds, surveys.map((s) => s.survey_id), DEFAULT_MIN_GROUP_SIZE, DEFAULT_MIN_COMMENTS],
  )) as { k: number; comments: number }[];
  return {
    scope,
    tenantIds,
    instruments: [...new Set(surveys.flatMap((s) => (s.instrument_code ? [s.instrument_code] : [])))],
    minimumGroupSize: thresholds!.k,
    minimumComments: thresholds!.comments,
    filter: {
      surveyIds: surveys.map((s) => s.survey_id),
      organisationId,
      roleIds: list('roleIds', input.roleIds, (id) => parseId('roleIds', id)),
      settingIds: list('settingIds', input.settingIds, (id) => parseId('settingIds', id)),
      cohorts: list('cohorts', input.cohorts),
      tenureBands: list('tenureBands', input.tenureBands),
      from,
      to,
    },
  };
}

/** Why a group shows nothing. */
export function suppressedReason(ev: Evaluation): string {
  return `Fewer than ${ev.minimumGroupSize} responses can be shown for this group: it is too small, or it could only be shown by revealing a smaller group. Widen the filter (more roles, settings, organisations or months) to see figures.`;
}

/** Why a benchmark shows nothing. */
export function benchmarkReason(ev: Evaluation): string {
  return `Fewer than ${BENCHMARK_MIN_TENANTS} trusts, or fewer than ${ev.minimumGroupSize} responses, can be compared here without showing one trust or a small group.`;
}

export function reportFigures(ev: Evaluation, measures: Map<string, MeasureSums> | undefined, reason = suppressedReason(ev)): ReportFigures {
  const responded = measures?.get('responses')?.n ?? 0;
  if (!measures || responded === 0) {
    return { suppressed: true, reason, responded: null, constructs: [], belongingMap: null, isolationRisk: null, intentionToLeave: null, checklist: [], drivers: [] };
  }
  return { suppressed: false, reason: null, ...figuresOf(measures) };
}

/** The figures for the evaluation's filter, or another filter built from it. */
export async function figuresFor(db: EntityManager, ev: Evaluation, filter: ReportFilter = ev.filter): Promise<ReportFigures> {
  const grouped = await sumCells(db, ev.scope, filter, null, FIGURE_MEASURES);
  return reportFigures(ev, grouped.get(null));
}

function benchmarkFilter(ev: Evaluation): BenchmarkFilter {
  const { roleIds, settingIds, tenureBands, from, to } = ev.filter;
  return { instruments: ev.instruments, roleIds, settingIds, tenureBands, from, to };
}

/** The same figures across every tenant (cells of three tenants or more), or null when the surveys come from no library instrument. */
export async function benchmarkFor(db: EntityManager, ev: Evaluation): Promise<ReportFigures | null> {
  if (!ev.instruments.length) return null;
  return reportFigures(ev, (await sumBenchmarkCells(db, benchmarkFilter(ev), null, FIGURE_MEASURES)).get(null), benchmarkReason(ev));
}

/** The same figures for every other role in the filter's organisations, settings and months; null when the filter names no roles. */
export async function peersFor(db: EntityManager, ev: Evaluation): Promise<ReportFigures | null> {
  const { roleIds, ...rest } = ev.filter;
  return roleIds ? figuresFor(db, ev, { ...rest, otherThanRoleIds: roleIds }) : null;
}

/**
 * Invited, from the invitation cells, and completed: the responses these `figures` count, from
 * the response cells. One count of those who answered, never two partitions' counts of the
 * same people (whose difference could describe fewer than k). The rate is null when either is
 * withheld, or when more answered in the period than were invited in it (invited counts by
 * the month a campaign opened to them, responses by the month answered).
 */
export async function invitationFigures(
  db: EntityManager,
  ev: Evaluation,
  figures: ReportFigures,
): Promise<{ invited: number | null; completed: number | null; responseRate: number | null }> {
  const sums = (await sumCells(db, ev.scope, ev.filter, null, ['invited'], 'invitations')).get(null);
  const invited = sums?.get('invited')?.n || null;
  const completed = figures.responded;
  return { invited, completed, responseRate: invited !== null && completed !== null && completed <= invited ? completed / invited : null };
}

const BAND_FROM: Record<string, [number, number | null]> = { '0-3': [0, 3], '3-6': [3, 6], '6-12': [6, 12], '12-24': [12, 24], '24+': [24, null] };

/** Every value a dimension has within the filter: the shown and the suppressed alike, so a missing row never tells "none" from "few". */
async function valuesOf(db: EntityManager, ev: Evaluation, dimension: ReportDimension, organisationId: string): Promise<{ key: string; label: string }[]> {
  if (dimension === ReportDimension.TENURE_BAND) return (ev.filter.tenureBands ?? [...TENURE_BANDS]).map((band) => ({ key: band, label: `${band} months` }));
  if (dimension === ReportDimension.ORGANISATION) {
    const rows = (await db.query(`SELECT id::text AS key, name AS label FROM directory.report_label WHERE kind = 'organisation' AND parent_id = $1 ORDER BY name`, [organisationId])) as {
      key: string;
      label: string;
    }[];
    return rows;
  }
  if (dimension === ReportDimension.COHORT) {
    // Every cohort the trusts' staff have, responded or not (and none recorded).
    const cohorts =
      ev.filter.cohorts ??
      [
        ...((await db.query(`SELECT DISTINCT cohort FROM directory.report_cohort WHERE tenant_id = ANY($1::uuid[]) ORDER BY cohort`, [ev.tenantIds])) as { cohort: string }[]).map((r) => r.cohort),
        '',
      ];
    return cohorts.map((c) => ({ key: c, label: c || 'No cohort recorded' }));
  }
  const kind = dimension === ReportDimension.ROLE ? 'role' : 'setting';
  const chosen = dimension === ReportDimension.ROLE ? ev.filter.roleIds : ev.filter.settingIds;
  const rows = (await db.query(
    `SELECT id::text AS key, name AS label FROM directory.report_label
     WHERE kind = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) AND (tenant_id IS NULL OR tenant_id = ANY($3::uuid[])) ORDER BY name`,
    [kind, chosen ?? null, ev.tenantIds],
  )) as { key: string; label: string }[];
  if (kind === 'setting' && !chosen) rows.push({ key: '00000000-0000-0000-0000-000000000000', label: 'No setting recorded' });
  return rows;
}

/** The report split by one dimension; every value is listed, suppressed where it must be. */
export async function breakdownOf(db: EntityManager, ev: Evaluation, dimension: ReportDimension): Promise<{ rows: BreakdownRow[]; unattributed: ReportFigures | null }> {
  let filter = ev.filter;
  if (dimension === ReportDimension.ORGANISATION && !filter.organisationId) {
    if (ev.tenantIds.length !== 1) throw bad('organisationId', 'to break down by organisation across several trusts, choose one organisation');
    filter = { ...filter, organisationId: ev.tenantIds[0] };
  }
  const values = await valuesOf(db, ev, dimension, filter.organisationId!);
  const most = LIST_SIZES['Breakdown.rows'];
  if (values.length > most) {
    throw bad('by', `a breakdown by ${dimension.toLowerCase()} here has ${values.length} groups; the most is ${most}: narrow the filter (an organisation lower down, or fewer roles, settings or cohorts)`);
  }
  const grouped = await sumCells(db, ev.scope, filter, dimension as Grouping, FIGURE_MEASURES);
  const comparable = ev.instruments.length > 0 && (dimension === ReportDimension.ROLE || dimension === ReportDimension.SETTING || dimension === ReportDimension.TENURE_BAND);
  const benchmark = comparable ? await sumBenchmarkCells(db, benchmarkFilter(ev), dimension as 'role' | 'setting' | 'tenure_band', FIGURE_MEASURES) : null;
  const rows = values.map(({ key, label }) => ({
    key,
    label,
    figures: reportFigures(ev, grouped.get(key)),
    benchmark: benchmark ? reportFigures(ev, benchmark.get(key), benchmarkReason(ev)) : null,
  }));
  const rest = grouped.get(null);
  return { rows, unattributed: rest && (rest.get('responses')?.n ?? 0) > 0 ? reportFigures(ev, rest) : null };
}

const periodLabel = (start: string, interval: TrendInterval) =>
  interval === TrendInterval.MONTH ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) + 2) / 3}`;

/** Figures per month or quarter answered, every period from the first to the last listed. */
export async function trendOf(db: EntityManager, ev: Evaluation, interval: TrendInterval): Promise<TrendPoint[]> {
  const grouped = await sumCells(db, ev.scope, ev.filter, interval as Grouping, FIGURE_MEASURES);
  const found = [...grouped.keys()].filter((k): k is string => k !== null).sort();
  const first = ev.filter.from ?? found[0];
  const last = ev.filter.to ?? found[found.length - 1];
  if (!first || !last) return [];
  const explicit = Boolean(ev.filter.from && ev.filter.to);
  return periodsBetween(first, last, interval, explicit).map((start) => ({ period: periodLabel(start, interval), figures: reportFigures(ev, grouped.get(start)) }));
}

/** Figures by tenure band: the tenure curve. */
export async function tenureCurveOf(db: EntityManager, ev: Evaluation) {
  const { rows } = await breakdownOf(db, ev, ReportDimension.TENURE_BAND);
  return rows.map((row) => {
    const [fromMonths, toMonths] = BAND_FROM[row.key!]!;
    return { band: row.key as TenureBand, fromMonths, toMonths, figures: row.figures };
  });
}

/** Joins a published per-response view `r` to the disclosure cell `c` its atom is in, in one population's partition. */
const throughCells = (population: Population) => `JOIN insights.report_atom a ON a.tenant_id = r.tenant_id AND a.population = '${population}' AND a.survey_id = r.survey_id
    AND a.organisation_id = r.organisation_id AND a.role_id = r.role_id AND a.setting_id = coalesce(r.setting_id, '00000000-0000-0000-0000-000000000000'::uuid)
    AND a.cohort = coalesce(r.cohort, '') AND a.tenure_band = r.tenure_band AND a.month = r.month
  JOIN insights.report_cell c ON c.id = a.cell_id`;

/**
 * Comments from the filter's comment cells (the partition in groups of at least the comments
 * minimum), when the group reaches that minimum; never from anonymous campaigns. The comments
 * of two overlapping filters then differ by whole groups of that size at least, so no comment
 * can be pinned to a smaller group by comparing the two.
 */
export async function commentsOf(db: EntityManager, ev: Evaluation, responded: number | null): Promise<CommentSet> {
  const minimum = ev.minimumComments;
  if (!responded || responded < minimum) {
    return { shown: false, reason: `Comments are shown for groups of ${minimum} or more respondents; this group is smaller. Widen the filter to read them.`, minimum, total: 0, comments: [] };
  }
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const { where } = cellConditions(ev.scope, ev.filter, bind);
  const rows = (await db.query(
    `SELECT r.question AS item, r.text, count(*) OVER ()::int AS total FROM responses.report_comment r ${throughCells('comments')}
     JOIN forms.report_campaign k ON k.campaign_id = r.campaign_id AND k.anonymity <> 'anonymous'
     WHERE ${where.join(' AND ')} AND c.n >= ${bind(minimum)}
     ORDER BY md5(r.text), r.text LIMIT ${bind(LIST_SIZES['Comments.comments'])}`,
    params,
  )) as { item: string; text: string; total: number }[];
  return { shown: true, reason: null, minimum, total: rows[0]?.total ?? 0, comments: rows.map((r) => ({ item: r.item, text: r.text, question: questionText(r.item) })) };
}

export const RETENTION_BANDS: [string, string][] = [
  ['LOW', 'belonging < 5'],
  ['MIDDLE', 'belonging >= 5 AND belonging < 7.5'],
  ['HIGH', 'belonging >= 7.5'],
];

/** Who left within 6 and 12 months, by belonging band, for pseudonymous responses in the filter's cells. */
export async function retentionOf(db: EntityManager, ev: Evaluation): Promise<RetentionBand[]> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const { where } = cellConditions(ev.scope, ev.filter, bind);
  const bands = RETENTION_BANDS.map(([band, condition]) => `('${band}', ${condition.replaceAll('belonging', 'r.belonging')})`);
  const rows = (await db.query(
    `SELECT b.band, count(*)::int AS n,
            count(r.left_within_6)::int AS n6, count(*) FILTER (WHERE r.left_within_6)::int AS left6,
            count(r.left_within_12)::int AS n12, count(*) FILTER (WHERE r.left_within_12)::int AS left12
     FROM responses.report_retention r ${throughCells('responses')}
     CROSS JOIN LATERAL (VALUES ${bands.join(', ')}) AS b(band, inside)
     WHERE b.inside AND ${where.join(' AND ')}
     GROUP BY b.band`,
    params,
  )) as { band: string; n: number; n6: number; left6: number; n12: number; left12: number }[];
  return RETENTION_BANDS.map(([band]) => {
    const row = rows.find((r) => r.band === band);
    if (!row || row.n < ev.minimumGroupSize) return { band, suppressed: true, leftWithin6Months: null, leftWithin12Months: null };
    return {
      band,
      suppressed: false,
      leftWithin6Months: row.n6 >= ev.minimumGroupSize ? share(row.left6, row.n6) : null,
      leftWithin12Months: row.n12 >= ev.minimumGroupSize ? share(row.left12, row.n12) : null,
    };
  });
}


/** The campaigns of the evaluation's surveys whose personal links were released for hand delivery. */
export async function releasedLinksOf(db: EntityManager, ev: Evaluation): Promise<{ campaignId: string; releasedAt: Date }[]> {
  const rows = (await db.query(
    `SELECT l.campaign_id, l.released_at FROM responses.report_link_release l JOIN forms.report_campaign c ON c.campaign_id = l.campaign_id
     WHERE c.survey_id = ANY($1::uuid[]) ORDER BY l.released_at DESC, l.campaign_id LIMIT $2`,
    [ev.filter.surveyIds, LIST_SIZES['RoleEvaluation.releasedLinks']],
  )) as { campaign_id: string; released_at: Date }[];
  return rows.reverse().map((r) => ({ campaignId: r.campaign_id, releasedAt: r.released_at }));
}
