import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * Submissions without hot rows: a submission (or a withdrawal, or an erasure) appends one row of
 * its measures, with a sign, and the fold job adds them into `responses.rollup` shortly after,
 * bumping each tenant's `rollup_version` once per fold and noting when (`folded_at`, published
 * to insights as the moment its figures describe).
 */
export class RollupDeltas1764102500000 implements MigrationInterface {
  name = 'RollupDeltas1764102500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.rollup_delta (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        organisation_id uuid NOT NULL,
        role_id uuid NOT NULL,
        setting_id uuid,
        cohort text,
        tenure_band text NOT NULL CHECK (tenure_band IN ('0-3', '3-6', '6-12', '12-24', '24+')),
        sign smallint NOT NULL CHECK (sign IN (1, -1)),
        measures text[] NOT NULL,
        vals double precision[] NOT NULL,
        favourable integer[] NOT NULL,
        ys double precision[] NOT NULL,
        CHECK (cardinality(measures) = cardinality(vals) AND cardinality(measures) = cardinality(favourable) AND cardinality(measures) = cardinality(ys))
      )`);
    for (const statement of tenantIsolation('responses.rollup_delta').up) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE responses.rollup_version ADD COLUMN folded_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE OR REPLACE VIEW responses.report_rollup_version AS SELECT tenant_id, version, folded_at FROM responses.rollup_version`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.report_rollup_version`);
    await queryRunner.query(`CREATE VIEW responses.report_rollup_version AS SELECT tenant_id, version FROM responses.rollup_version`);
    await queryRunner.query(`GRANT SELECT ON responses.report_rollup_version TO harbour_insights`);
    await queryRunner.query(`ALTER TABLE responses.rollup_version DROP COLUMN folded_at`);
    await queryRunner.query(`DROP TABLE responses.rollup_delta`);
  }
}
