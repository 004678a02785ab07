import type { EntityManager } from 'typeorm';
import { countsTowardsMinimum } from '@harbour/survey-kit';
import { DEFAULT_MIN_COMMENTS, DEFAULT_MIN_GROUP_SIZE } from '../reporting-policy/reporting-policy.entity';
import { NO_COHORT, NO_SETTING, partition, type Atom } from './cells';

/**
 * What is partitioned: responses (their rollups), invitations (how many were invited),
 * or responses again in groups of at least the comments minimum, which comments are read through.
 */
export type Population = 'responses' | 'invitations' | 'comments';

interface AtomRow {
  survey_id: string;
  organisation_id: string;
  role_id: string;
  setting_id: string;
  cohort: string;
  tenure_band: string;
  month: string;
  n: number;
  k: number;
}

/** Atom dimensions of a published view `r`, with no setting and no cohort as atoms keep them. */
const ATOM_COLUMNS = `r.survey_id, r.organisation_id, r.role_id, coalesce(r.setting_id, '${NO_SETTING}'::uuid) AS setting_id, coalesce(r.cohort, '${NO_COHORT}') AS cohort, r.tenure_band, r.month::text AS month`;
const ATOM_JOIN = `a.tenant_id = r.tenant_id AND a.population = $2 AND a.survey_id = r.survey_id AND a.organisation_id = r.organisation_id AND a.role_id = r.role_id
  AND a.setting_id = coalesce(r.setting_id, '${NO_SETTING}'::uuid) AND a.cohort = coalesce(r.cohort, '${NO_COHORT}') AND a.tenure_band = r.tenure_band AND a.month = r.month`;

/**
 * The response atoms: people per group, where n is what counts towards the minimum (responses
 * through released links are left out of it), with the strictest `threshold` of their
 * campaigns, or the tenant's ($2), as k.
 */
const responseAtoms = (threshold: 'min_group_size' | 'min_comments') =>
  `SELECT ${ATOM_COLUMNS}, ${countsTowardsMinimum('r')}::int AS n, max(greatest(coalesce(c.${threshold}, 0), $2))::int AS k
   FROM responses.report_rollup r LEFT JOIN forms.report_campaign c ON c.campaign_id = r.campaign_id
   WHERE r.tenant_id = $1 AND r.measure IN ('responses', 'released') GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** Per population: the atoms (people per group, with the strictest k of their campaigns) and each cell's measures. */
const SOURCES: Record<Population, { atoms: string; measures: string }> = {
  responses: {
    atoms: responseAtoms('min_group_size'),
    measures: `SELECT a.cell_id, $1::uuid, r.measure, sum(r.n), sum(r.total), sum(r.total_sq), sum(r.favourable), sum(r.total_y), sum(r.total_y_sq), sum(r.total_xy)
               FROM responses.report_rollup r JOIN insights.report_atom a ON ${ATOM_JOIN}
               WHERE r.tenant_id = $1 GROUP BY a.cell_id, r.measure`,
  },
  // The responses again, each group at least its campaigns' (and the tenant's) comments minimum; only the count is kept.
  comments: {
    atoms: responseAtoms('min_comments'),
    measures: `SELECT a.cell_id, $1::uuid, r.measure, sum(r.n), sum(r.total), sum(r.total_sq), sum(r.favourable), sum(r.total_y), sum(r.total_y_sq), sum(r.total_xy)
               FROM responses.report_rollup r JOIN insights.report_atom a ON ${ATOM_JOIN}
               WHERE r.tenant_id = $1 AND r.measure = 'responses' GROUP BY a.cell_id, r.measure`,
  },
  invitations: {
    atoms: `SELECT ${ATOM_COLUMNS}, sum(r.invited)::int AS n, max(greatest(coalesce(c.min_group_size, 0), $2))::int AS k
            FROM responses.report_invitation r LEFT JOIN forms.report_campaign c ON c.campaign_id = r.campaign_id
            WHERE r.tenant_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    // Only who was invited: who answered is counted once, by the response cells.
    measures: `SELECT a.cell_id, $1::uuid, 'invited', sum(r.invited)::int, sum(r.invited), sum(r.invited), 0, 0, 0, 0
               FROM responses.report_invitation r JOIN insights.report_atom a ON ${ATOM_JOIN}
               WHERE r.tenant_id = $1 GROUP BY a.cell_id`,
  },
};

/** Runs `work` with planner or limit settings changed for this transaction, then puts them back as they were. */
export async function withLocal<T>(db: EntityManager, settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const names = Object.keys(settings);
  const before = (await db.query(`SELECT ${names.map((_, i) => `current_setting($${i + 1}) AS s${i}`).join(', ')}`, names)) as Record<string, string>[];
  await db.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`, names.flatMap((n) => [n, settings[n]]));
  try {
    return await work();
  } finally {
    await db.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`, names.flatMap((n, i) => [n, before[0]![`s${i}`]]));
  }
}

/** What the cells were built from: the count of changes to the rollups and invitations, and every threshold that applies. */
async function fingerprintOf(db: EntityManager, tenantId: string): Promise<{ fingerprint: string; current: boolean; tenantK: number; tenantComments: number }> {
  const [row] = (await db.query(
    `SELECT (SELECT fingerprint FROM insights.report_state WHERE tenant_id = $1) AS built,
            coalesce((SELECT version FROM responses.report_rollup_version WHERE tenant_id = $1), 0)::text AS version,
            coalesce((SELECT min_group_size FROM insights.reporting_policy WHERE tenant_id = $1), $2)::int AS tenant_k,
            coalesce((SELECT min_comments FROM insights.reporting_policy WHERE tenant_id = $1), $3)::int AS tenant_comments,
            coalesce((SELECT string_agg(campaign_id || ':' || min_group_size || ':' || min_comments, ',' ORDER BY campaign_id) FROM forms.report_campaign WHERE tenant_id = $1), '') AS campaigns`,
    [tenantId, DEFAULT_MIN_GROUP_SIZE, DEFAULT_MIN_COMMENTS],
  )) as { built: string | null; version: string; tenant_k: number; tenant_comments: number; campaigns: string }[];
  const fingerprint = `${row!.version}/${row!.tenant_k}/${row!.tenant_comments}/${row!.campaigns}`;
  return {
    fingerprint,
    current: row!.built === fingerprint,
    tenantK: row!.tenant_k,
    tenantComments: row!.tenant_comments,
  };
}

async function build(db: EntityManager, tenantId: string, population: Population, tenantK: number, parentOf: (id: string) => string | null): Promise<{ cells: number; excluded: number }> {
  const rows = (await db.query(SOURCES[population].atoms, [tenantId, tenantK])) as AtomRow[];
  const atoms: Atom[] = rows.map((r) => ({
    tenantId,
    surveyId: r.survey_id,
    organisationId: r.organisation_id,
    roleId: r.role_id,
    settingId: r.setting_id,
    cohort: r.cohort,
    tenureBand: r.tenure_band,
    month: r.month,
    n: r.n,
    k: r.k,
  }));
  const { cells, excluded } = partition(atoms, { parentOf });
  const ids = (await db.query(
    `INSERT INTO insights.report_cell (tenant_id, population, survey_id, organisation_id, role_id, setting_id, cohort, tenure_band, period_unit, period_start, period_end, n, k)
     SELECT $1, $2, c.survey_id, c.organisation_id, c.role_id, c.setting_id, c.cohort, c.tenure_band, c.period_unit, c.period_start, c.period_end, c.n, c.k
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::int[], $13::int[])
       WITH ORDINALITY AS c(survey_id, organisation_id, role_id, setting_id, cohort, tenure_band, period_unit, period_start, period_end, n, k, position)
     ORDER BY c.position
     RETURNING id`,
    [
      tenantId,
      population,
      cells.map((c) => c.surveyId),
      cells.map((c) => c.organisationId),
      cells.map((c) => c.roleId),
      cells.map((c) => c.settingId),
      cells.map((c) => c.cohort),
      cells.map((c) => c.tenureBand),
      cells.map((c) => c.periodUnit),
      cells.map((c) => c.periodStart),
      cells.map((c) => c.periodEnd),
      cells.map((c) => c.n),
      cells.map((c) => c.k),
    ],
  )) as { id: string }[];
  const members = cells.flatMap((cell, i) => cell.atoms.map((atom) => ({ atom, cellId: ids[i]!.id })));
  await db.query(
    `INSERT INTO insights.report_atom (tenant_id, population, survey_id, organisation_id, role_id, setting_id, cohort, tenure_band, month, cell_id)
     SELECT $1, $2, * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::date[], $10::bigint[])`,
    [
      tenantId,
      population,
      members.map((m) => m.atom.surveyId),
      members.map((m) => m.atom.organisationId),
      members.map((m) => m.atom.roleId),
      members.map((m) => m.atom.settingId),
      members.map((m) => m.atom.cohort),
      members.map((m) => m.atom.tenureBand),
      members.map((m) => m.atom.month),
      members.map((m) => m.cellId),
    ],
  );
  // The atoms were just written, with no statistics yet: a nested loop over them would take minutes.
  await withLocal(db, { enable_nestloop: 'off' }, () =>
    db.query(`INSERT INTO insights.report_cell_measure (cell_id, tenant_id, measure, n, total, total_sq, favourable, total_y, total_y_sq, total_xy) ${SOURCES[population].measures}`, [
      tenantId,
      population,
    ]),
  );
  return { cells: cells.length, excluded: excluded.length };
}

/**
 * Makes a tenant's disclosure cells current: when its rollups, invitations or thresholds
 * changed since they were built, rebuilds them (atoms, partition, summed measures) for both
 * populations in the caller's transaction. Concurrent callers for one tenant wait for each
 * other and build once.
 */
export function refreshCells(db: EntityManager, tenantId: string): Promise<void> {
  // Resolvers of one request share its transaction, where the advisory lock below is already
  // held: two of them refreshing one tenant at once would both rebuild. One refresh at a time.
  let running = refreshing.get(db);
  if (!running) refreshing.set(db, (running = new Map()));
  const pending = running.get(tenantId);
  if (pending) return pending;
  const refresh = refreshOnce(db, tenantId).finally(() => running.delete(tenantId));
  running.set(tenantId, refresh);
  return refresh;
}

const refreshing = new WeakMap<EntityManager, Map<string, Promise<void>>>();

/**
 * Makes several tenants' cells current, one after another in the order of their ids: every
 * request takes the tenants' locks in that one order, so two requests never wait on each other
 * in a circle (a deadlock).
 */
export async function refreshTenants(db: EntityManager, tenantIds: Iterable<string>): Promise<void> {
  for (const tenantId of [...new Set(tenantIds)].sort()) await refreshCells(db, tenantId);
}

async function refreshOnce(db: EntityManager, tenantId: string): Promise<void> {
  // The usual case, in one round trip: the cells are current.
  if ((await fingerprintOf(db, tenantId)).current) return;
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('insights.report_cell:' || $1::text, 0))`, [tenantId]);
  // Another request may have built them while this one waited for the lock.
  const { current, fingerprint, tenantK, tenantComments } = await fingerprintOf(db, tenantId);
  if (current) return;

  // A large trust's rebuild can take longer than a request's statement time: once per change.
  await withLocal(db, { statement_timeout: '5min' }, () => rebuild(db, tenantId, fingerprint, tenantK, tenantComments));
}

async function rebuild(db: EntityManager, tenantId: string, fingerprint: string, tenantK: number, tenantComments: number): Promise<void> {
  const parents = (await db.query(`SELECT descendant_id, ancestor_id FROM directory.organisation_ancestry WHERE tenant_id = $1 AND depth = 1`, [tenantId])) as {
    descendant_id: string;
    ancestor_id: string;
  }[];
  const parentMap = new Map(parents.map((p) => [p.descendant_id, p.ancestor_id]));
  const parentOf = (id: string) => parentMap.get(id) ?? null;
  await db.query(`DELETE FROM insights.report_atom WHERE tenant_id = $1`, [tenantId]);
  await db.query(`DELETE FROM insights.report_cell WHERE tenant_id = $1`, [tenantId]);
  const responses = await build(db, tenantId, 'responses', tenantK, parentOf);
  const invitations = await build(db, tenantId, 'invitations', tenantK, parentOf);
  const comments = await build(db, tenantId, 'comments', tenantComments, parentOf);
  await db.query(
    `INSERT INTO insights.report_state (tenant_id, fingerprint, built_at, cells, excluded) VALUES ($1, $2, now(), $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, built_at = now(), cells = EXCLUDED.cells, excluded = EXCLUDED.excluded`,
    [tenantId, fingerprint, responses.cells + invitations.cells + comments.cells, responses.excluded + invitations.excluded + comments.excluded],
  );
}
