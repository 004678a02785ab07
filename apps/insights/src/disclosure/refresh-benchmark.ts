import { countsTowardsMinimum } from '@harbour/survey-kit';
import { ALL_TENANTS, withTenants, type BackgroundJob } from '@harbour/graphql-kit';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '@harbour/config';
import { DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import { NO_COHORT, NO_SETTING, partition, type Atom } from './cells';
import { withLocal } from './refresh-cells';

/** Fewest tenants any benchmark figure may rest on. */
export const BENCHMARK_MIN_TENANTS = 3;

/** The library's surveys and the national catalogue, looked up once per statement. */
const LOOKUPS = `WITH instruments AS MATERIALIZED (SELECT survey_id, instrument_code FROM forms.report_survey WHERE instrument_code IS NOT NULL),
  national_roles AS MATERIALIZED (SELECT id FROM directory.report_label WHERE kind = 'role' AND tenant_id IS NULL),
  national_settings AS MATERIALIZED (SELECT id FROM directory.report_label WHERE kind = 'setting' AND tenant_id IS NULL)`;
/** The rollups of the library's instruments, by national role and setting (a tenant's own setting counts as none), across tenants. */
const ACROSS_TENANTS = `
  FROM responses.report_rollup r
  JOIN instruments s ON s.survey_id = r.survey_id
  JOIN national_roles role ON role.id = r.role_id
  LEFT JOIN national_settings setting ON setting.id = r.setting_id`;
const SETTING = `coalesce(setting.id, '${NO_SETTING}'::uuid)`;

async function fingerprintOf(db: EntityManager): Promise<string> {
  const [row] = (await db.query(
    `SELECT coalesce((SELECT string_agg(tenant_id || ':' || version, ',' ORDER BY tenant_id) FROM responses.report_rollup_version), '') || '/' ||
            coalesce((SELECT string_agg(tenant_id || ':' || min_group_size, ',' ORDER BY tenant_id) FROM insights.reporting_policy), '') || '/' ||
            coalesce((SELECT string_agg(campaign_id || ':' || min_group_size, ',' ORDER BY campaign_id) FROM forms.report_campaign), '') AS fingerprint`,
  )) as { fingerprint: string }[];
  return row!.fingerprint;
}

/**
 * Rebuilds the all-tenant benchmark cells when any tenant's rollups or thresholds changed. Needs
 * a transaction that sees every tenant; what it writes names none.
 */
export async function refreshBenchmark(db: EntityManager): Promise<boolean> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('insights.benchmark_cell', 0))`);
  const fingerprint = await fingerprintOf(db);
  const [state] = (await db.query(`SELECT fingerprint FROM insights.benchmark_state`)) as { fingerprint: string }[];
  if (state?.fingerprint === fingerprint) return false;

  // A rebuild reads every tenant's rollups: more than a request's statement time at scale.
  return withLocal(db, { statement_timeout: '10min' }, () => rebuild(db, fingerprint));
}

async function rebuild(db: EntityManager, fingerprint: string): Promise<boolean> {
  const rows = (await db.query(
    `${LOOKUPS}
     SELECT s.instrument_code, r.role_id, ${SETTING} AS setting_id, r.tenure_band, r.month::text AS month, r.tenant_id, ${countsTowardsMinimum('r')}::int AS n,
            max(greatest(coalesce(c.min_group_size, 0), coalesce(p.min_group_size, $1)))::int AS k
     ${ACROSS_TENANTS}
     LEFT JOIN forms.report_campaign c ON c.campaign_id = r.campaign_id
     LEFT JOIN insights.reporting_policy p ON p.tenant_id = r.tenant_id
     WHERE r.measure IN ('responses', 'released')
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [DEFAULT_MIN_GROUP_SIZE],
  )) as { instrument_code: string; role_id: string; setting_id: string; tenure_band: string; month: string; tenant_id: string; n: number; k: number }[];
  const atoms: Atom[] = rows.map((r) => ({
    tenantId: r.tenant_id,
    surveyId: r.instrument_code,
    organisationId: null,
    roleId: r.role_id,
    settingId: r.setting_id,
    cohort: NO_COHORT,
    tenureBand: r.tenure_band,
    month: r.month,
    n: r.n,
    k: r.k,
  }));
  const { cells } = partition(atoms, { minTenants: BENCHMARK_MIN_TENANTS });

  await db.query(`DELETE FROM insights.benchmark_cell`);
  const ids = (await db.query(
    `INSERT INTO insights.benchmark_cell (instrument_code, role_id, setting_id, tenure_band, period_unit, period_start, period_end, n, k, tenants)
     SELECT c.instrument_code, c.role_id, c.setting_id, c.tenure_band, c.period_unit, c.period_start, c.period_end, c.n, c.k, c.tenants
     FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::date[], $8::int[], $9::int[], $10::int[])
       WITH ORDINALITY AS c(instrument_code, role_id, setting_id, tenure_band, period_unit, period_start, period_end, n, k, tenants, position)
     ORDER BY c.position RETURNING id`,
    [
      cells.map((c) => c.surveyId),
      cells.map((c) => c.roleId),
      cells.map((c) => c.settingId),
      cells.map((c) => c.tenureBand),
      cells.map((c) => c.periodUnit),
      cells.map((c) => c.periodStart),
      cells.map((c) => c.periodEnd),
      cells.map((c) => c.n),
      cells.map((c) => c.k),
      cells.map((c) => c.tenants),
    ],
  )) as { id: string }[];
  // All tenants' atoms of one group share a cell: one row per group.
  const members = new Map<string, { atom: Atom; cellId: string }>();
  cells.forEach((cell, i) => {
    for (const atom of cell.atoms) members.set([atom.surveyId, atom.roleId, atom.settingId, atom.tenureBand, atom.month].join('|'), { atom, cellId: ids[i]!.id });
  });
  const list = [...members.values()];
  await db.query(
    `INSERT INTO insights.benchmark_atom (instrument_code, role_id, setting_id, tenure_band, month, cell_id)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::bigint[])`,
    [
      list.map((m) => m.atom.surveyId),
      list.map((m) => m.atom.roleId),
      list.map((m) => m.atom.settingId),
      list.map((m) => m.atom.tenureBand),
      list.map((m) => m.atom.month),
      list.map((m) => m.cellId),
    ],
  );
  // The atoms were just written, with no statistics yet: a nested loop over them would take minutes.
  await withLocal(db, { enable_nestloop: 'off' }, () =>
    db.query(
      `INSERT INTO insights.benchmark_cell_measure (cell_id, measure, n, total, total_sq, favourable, total_y, total_y_sq, total_xy)
       ${LOOKUPS}
       SELECT a.cell_id, r.measure, sum(r.n), sum(r.total), sum(r.total_sq), sum(r.favourable), sum(r.total_y), sum(r.total_y_sq), sum(r.total_xy)
       ${ACROSS_TENANTS}
       JOIN insights.benchmark_atom a ON a.instrument_code = s.instrument_code AND a.role_id = r.role_id AND a.setting_id = ${SETTING}
         AND a.tenure_band = r.tenure_band AND a.month = r.month
       GROUP BY a.cell_id, r.measure`,
    ),
  );
  await db.query(
    `INSERT INTO insights.benchmark_state (id, fingerprint, built_at, cells) VALUES (true, $1, now(), $2)
     ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, built_at = now(), cells = EXCLUDED.cells`,
    [fingerprint, cells.length],
  );
  return true;
}

/** The queue of insights' benchmark clock. */
export const BENCHMARK_CLOCK = 'benchmark-clock';

/** Insights' benchmark clock: every HARBOUR_BENCHMARK_EVERY_MS, rebuilds the all-tenant benchmark if anything changed. */
export function benchmarkClock(config = loadConfig()): BackgroundJob {
  return {
    name: BENCHMARK_CLOCK,
    everyMs: config.benchmarkEveryMs,
    run: async (dataSource) => {
      await withTenants(dataSource, ALL_TENANTS, (db) => refreshBenchmark(db));
    },
  };
}
