import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cohorts each tenant's staff belong to, responded or not: a report lists every cohort
 * the trust has, so a row never tells which cohorts have respondents.
 */
export class PublishCohortsToInsights1764101900000 implements MigrationInterface {
  name = 'PublishCohortsToInsights1764101900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW directory.report_cohort AS SELECT DISTINCT tenant_id, cohort FROM directory.staff WHERE cohort IS NOT NULL`);
    await queryRunner.query(`GRANT SELECT ON directory.report_cohort TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW directory.report_cohort`);
  }
}
