import type { EntityManager } from 'typeorm';
import { measuresOf, tenureBand, type ConstructScore, type Measure, type ScoringSpec } from '@harbour/survey-kit';

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

/** The rollup row `r` of the entry's group. */
const CELL = `r.tenant_id = $1 AND r.campaign_id = $2 AND r.survey_id = $3 AND r.month = date_trunc('month', $4::date)::date AND r.organisation_id = $5 AND r.role_id = $6
  AND coalesce(r.setting_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($7::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
  AND coalesce(r.cohort, '') = coalesce($8::text, '') AND r.tenure_band = $9`;

function params(entry: RollupEntry, measures: Measure[]): unknown[] {
  return [
    entry.tenantId,
    entry.campaignId,
    entry.surveyId,
    entry.submittedOn,
    entry.organisationId,
    entry.roleId,
    entry.settingId,
    entry.cohort,
    tenureBand(entry.tenureMonths),
    measures.map((m) => m.measure),
    measures.map((m) => m.value),
    measures.map((m) => m.favourable),
    measures.map((m) => m.y),
  ];
}

/** Counts a change to a tenant's rollups or invitations, so reports know their summaries are out of date. */
export async function bumpVersion(db: EntityManager, tenantId: string): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup_version AS v (tenant_id, version) VALUES ($1, 1) ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1`,
    [tenantId],
  );
}

/** Adds a response to the rollups, in one statement, in the caller's transaction. */
export async function addToRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `INSERT INTO responses.rollup AS r (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure,
                                        n, total, total_sq, favourable, total_y, total_y_sq, total_xy)
     SELECT $1, $2, $3, date_trunc('month', $4::date)::date, $5, $6, $7, $8, $9, m.measure, 1, m.value, m.value * m.value, m.favourable, m.y, m.y * m.y, m.value * m.y
     FROM unnest($10::text[], $11::float8[], $12::int[], $13::float8[]) AS m(measure, value, favourable, y)
     ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
     DO UPDATE SET n = r.n + 1, total = r.total + EXCLUDED.total, total_sq = r.total_sq + EXCLUDED.total_sq, favourable = r.favourable + EXCLUDED.favourable,
                   total_y = r.total_y + EXCLUDED.total_y, total_y_sq = r.total_y_sq + EXCLUDED.total_y_sq, total_xy = r.total_xy + EXCLUDED.total_xy`,
    params(entry, measuresOfEntry(entry)),
  );
  await bumpVersion(db, entry.tenantId);
}

/** Takes a withdrawn or erased response back out of the rollups it was added to. */
export async function removeFromRollups(db: EntityManager, entry: RollupEntry): Promise<void> {
  await db.query(
    `UPDATE responses.rollup AS r SET n = r.n - 1, total = r.total - m.value, total_sq = r.total_sq - m.value * m.value, favourable = r.favourable - m.favourable,
            total_y = r.total_y - m.y, total_y_sq = r.total_y_sq - m.y * m.y, total_xy = r.total_xy - m.value * m.y
     FROM unnest($10::text[], $11::float8[], $12::int[], $13::float8[]) AS m(measure, value, favourable, y)
     WHERE r.measure = m.measure AND ${CELL}`,
    params(entry, measuresOfEntry(entry)),
  );
  await bumpVersion(db, entry.tenantId);
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
