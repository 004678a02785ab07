import type { EntityManager } from 'typeorm';
import { measuresOf, tenureBand, type ConstructScore, type ScoringSpec } from '@harbour/survey-kit';

/** One response's part in the rollups: who (as snapshotted), when, and its measures. */
export interface RollupEntry {
  tenantId: string;
  campaignId: string;
  surveyId: string;
  /** The day it was submitted, YYYY-MM-DD. */
  submittedOn: string;
  organisationId: string;
  roleId: string;
  settingId: string | null;
  cohort: string | null;
  tenureMonths: number;
  form: unknown;
  scoring: ScoringSpec;
  answers: Record<string, unknown>;
  scores: ConstructScore[];
  /** Submitted through a link released to admins (see the `released` measure). */
  viaReleasedLink?: boolean;
}

const measuresOfEntry = (entry: Omit<RollupEntry, 'tenantId' | 'campaignId' | 'surveyId'>) =>
  measuresOf(entry.form, entry.scoring, entry.answers, entry.scores, { viaReleasedLink: entry.viaReleasedLink ?? false });

/** Counts a change to a tenant's rollups or invitations, so reports know their summaries are out of date, and when. */
export async function bumpVersion(db: EntityManager, tenantId: string): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup_version AS v (tenant_id, version, folded_at) VALUES ($1, 1, now())
     ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1, folded_at = now()`,
    [tenantId],
  );
}

/**
 * Appends a response's measures (sign 1) or takes them back (sign -1, a withdrawal or an
 * erasure) as one new row, in the caller's transaction: no row another submission writes, so
 * none waits on another. The fold job adds it into the rollups shortly after (foldRollups).
 */
async function appendDelta(db: EntityManager, entry: RollupEntry, sign: 1 | -1): Promise<void> {
  const measures = measuresOfEntry(entry);
  await db.query(
    `INSERT INTO responses.rollup_delta (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, sign, measures, vals, favourable, ys)
     VALUES ($1, $2, $3, date_trunc('month', $4::date)::date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.tenantId,
      entry.campaignId,
      entry.surveyId,
      entry.submittedOn,
      entry.organisationId,
      entry.roleId,
      entry.settingId,
      entry.cohort,
      tenureBand(entry.tenureMonths),
      sign,
      measures.map((m) => m.measure),
      measures.map((m) => m.value),
      measures.map((m) => m.favourable),
      measures.map((m) => m.y),
    ],
  );
}

/** Adds a response to the rollups: appends its measures, which the fold job folds in. */
export function addToRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  return appendDelta(db, entry, 1);
}

/** Takes a withdrawn or erased response back out of the rollups: appends its measures negated. */
export function removeFromRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  return appendDelta(db, entry, -1);
}

/** A rollup row `r` of the same group and measure as a summed row `s` (the unique index's columns, its coalesces as IS NOT DISTINCT FROM). */
const SAME_GROUP = `r.tenant_id = s.tenant_id AND r.campaign_id = s.campaign_id AND r.month = s.month AND r.organisation_id = s.organisation_id AND r.role_id = s.role_id
  AND coalesce(r.setting_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(s.setting_id, '00000000-0000-0000-0000-000000000000'::uuid)
  AND coalesce(r.cohort, '') = coalesce(s.cohort, '') AND r.tenure_band = s.tenure_band AND r.measure = s.measure`;

/**
 * Folds up to `max` appended rows into the rollups, in the caller's transaction (across all
 * tenants): takes them (skipping rows another fold holds), sums them per group and measure,
 * adds the sums to the rollups, and bumps each tenant's version once. A fold that fails or is
 * killed rolls back whole: no row folded twice, none lost. Returns how many rows it folded.
 */
export async function foldRollups(db: EntityManager, max = 20_000): Promise<number> {
  const [row] = (await db.query(
    `WITH taken AS (
       DELETE FROM responses.rollup_delta WHERE id IN (SELECT id FROM responses.rollup_delta LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *
     ), summed AS (
       SELECT t.tenant_id, t.campaign_id, t.survey_id, t.month, t.organisation_id, t.role_id, t.setting_id, t.cohort, t.tenure_band, m.measure,
              sum(t.sign)::int AS n, sum(t.sign * m.value) AS total, sum(t.sign * m.value * m.value) AS total_sq, sum(t.sign * m.favourable)::int AS favourable,
              sum(t.sign * m.y) AS total_y, sum(t.sign * m.y * m.y) AS total_y_sq, sum(t.sign * m.value * m.y) AS total_xy
       FROM taken t CROSS JOIN LATERAL unnest(t.measures, t.vals, t.favourable, t.ys) AS m(measure, value, favourable, y)
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
     ), updated AS (
       -- Rows there already take the sums (a withdrawal's negative ones included: a new row may not start below zero).
       UPDATE responses.rollup AS r SET n = r.n + s.n, total = r.total + s.total, total_sq = r.total_sq + s.total_sq, favourable = r.favourable + s.favourable,
              total_y = r.total_y + s.total_y, total_y_sq = r.total_y_sq + s.total_y_sq, total_xy = r.total_xy + s.total_xy
       FROM summed s
       WHERE ${SAME_GROUP}
       RETURNING s.*
     ), added AS (
       INSERT INTO responses.rollup AS r (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure,
                                          n, total, total_sq, favourable, total_y, total_y_sq, total_xy)
       SELECT * FROM summed s WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE u.tenant_id = s.tenant_id AND u.campaign_id = s.campaign_id AND u.month = s.month
         AND u.organisation_id = s.organisation_id AND u.role_id = s.role_id AND u.setting_id IS NOT DISTINCT FROM s.setting_id AND u.cohort IS NOT DISTINCT FROM s.cohort
         AND u.tenure_band = s.tenure_band AND u.measure = s.measure)
       -- An import adding to the same group meanwhile.
       ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
       DO UPDATE SET n = r.n + EXCLUDED.n, total = r.total + EXCLUDED.total, total_sq = r.total_sq + EXCLUDED.total_sq, favourable = r.favourable + EXCLUDED.favourable,
                     total_y = r.total_y + EXCLUDED.total_y, total_y_sq = r.total_y_sq + EXCLUDED.total_y_sq, total_xy = r.total_xy + EXCLUDED.total_xy
       RETURNING 1
     ), bumped AS (
       INSERT INTO responses.rollup_version AS v (tenant_id, version, folded_at) SELECT DISTINCT tenant_id, 1, now() FROM taken
       ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1, folded_at = now()
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM taken)::int AS folded, (SELECT count(*) FROM updated)::int + (SELECT count(*) FROM added)::int AS rows, (SELECT count(*) FROM bumped)::int AS tenants`,
    [max],
  )) as { folded: number }[];
  return row!.folded;
}

interface BatchCell {
  key: unknown[];
  n: number;
  total: number;
  totalSq: number;
  favourable: number;
  totalY: number;
  totalYSq: number;
  totalXy: number;
}

/**
 * Rollups summed in memory, for imports: many responses of one campaign become one row per
 * group and measure, written a batch per statement and added to what is there.
 */
export class RollupBatch {
  private readonly cells = new Map<string, BatchCell>();

  constructor(private readonly campaign: { tenantId: string; campaignId: string; surveyId: string }) {}

  /** Groups and measures held, not yet written. */
  get size(): number {
    return this.cells.size;
  }

  add(entry: Omit<RollupEntry, 'tenantId' | 'campaignId' | 'surveyId'>): void {
    const group = [`${entry.submittedOn.slice(0, 7)}-01`, entry.organisationId, entry.roleId, entry.settingId, entry.cohort, tenureBand(entry.tenureMonths)];
    for (const m of measuresOfEntry(entry)) {
      const id = JSON.stringify([...group, m.measure]);
      let cell = this.cells.get(id);
      if (!cell) this.cells.set(id, (cell = { key: [...group, m.measure], n: 0, total: 0, totalSq: 0, favourable: 0, totalY: 0, totalYSq: 0, totalXy: 0 }));
      cell.n += 1;
      cell.total += m.value;
      cell.totalSq += m.value * m.value;
      cell.favourable += m.favourable;
      cell.totalY += m.y;
      cell.totalYSq += m.y * m.y;
      cell.totalXy += m.value * m.y;
    }
  }

  /** Adds what is held to the rollups, `batchSize` rows a statement, and empties the batch. The caller bumps the tenant's change count once it is done. */
  async write(db: EntityManager, batchSize = 2000): Promise<void> {
    const cells = [...this.cells.values()];
    this.cells.clear();
    for (let start = 0; start < cells.length; start += batchSize) {
      const part = cells.slice(start, start + batchSize);
      const column = (index: number) => part.map((c) => c.key[index]);
      await db.query(
        `INSERT INTO responses.rollup AS r (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure,
                                            n, total, total_sq, favourable, total_y, total_y_sq, total_xy)
         SELECT $1, $2, $3, c.* FROM unnest($4::date[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::text[],
                                            $11::int[], $12::float8[], $13::float8[], $14::int[], $15::float8[], $16::float8[], $17::float8[]) AS c
         ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
         DO UPDATE SET n = r.n + EXCLUDED.n, total = r.total + EXCLUDED.total, total_sq = r.total_sq + EXCLUDED.total_sq, favourable = r.favourable + EXCLUDED.favourable,
                       total_y = r.total_y + EXCLUDED.total_y, total_y_sq = r.total_y_sq + EXCLUDED.total_y_sq, total_xy = r.total_xy + EXCLUDED.total_xy`,
        [
          this.campaign.tenantId,
          this.campaign.campaignId,
          this.campaign.surveyId,
          ...[0, 1, 2, 3, 4, 5, 6].map(column),
          part.map((c) => c.n),
          part.map((c) => c.total),
          part.map((c) => c.totalSq),
          part.map((c) => c.favourable),
          part.map((c) => c.totalY),
          part.map((c) => c.totalYSq),
          part.map((c) => c.totalXy),
        ],
      );
    }
  }
}
