import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * What role-evaluation reports need from the rollups: pairs of values (an item with an outcome,
 * for correlations), a per-tenant count of changes (so insights knows when its summaries are out
 * of date; invitations count as changes too), and both published to insights as views.
 */
export class PublishRollupsToInsights1764101600000 implements MigrationInterface {
  name = 'PublishRollupsToInsights1764101600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE responses.rollup
        ADD COLUMN total_y double precision NOT NULL DEFAULT 0,
        ADD COLUMN total_y_sq double precision NOT NULL DEFAULT 0,
        ADD COLUMN total_xy double precision NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE TABLE responses.rollup_version (tenant_id uuid PRIMARY KEY, version bigint NOT NULL CHECK (version > 0))`);
    for (const statement of tenantIsolation('responses.rollup_version').up) await queryRunner.query(statement);
    await queryRunner.query(`
      CREATE VIEW responses.report_rollup AS
        SELECT tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure,
               n, total, total_sq, favourable, total_y, total_y_sq, total_xy
        FROM responses.rollup WHERE n > 0`);
    await queryRunner.query(`CREATE VIEW responses.report_rollup_version AS SELECT tenant_id, version FROM responses.rollup_version`);
    await queryRunner.query(`GRANT SELECT ON responses.report_rollup, responses.report_rollup_version TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.report_rollup_version`);
    await queryRunner.query(`DROP VIEW responses.report_rollup`);
    await queryRunner.query(`DROP TABLE responses.rollup_version`);
    await queryRunner.query(`ALTER TABLE responses.rollup DROP COLUMN total_xy, DROP COLUMN total_y_sq, DROP COLUMN total_y`);
  }
}
