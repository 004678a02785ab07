import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What role-evaluation reports need from forms: each survey's title and the instrument it was
 * built from (so reports compare like with like), and each campaign's promise (anonymity and
 * the smallest groups it may show), and versions' forms (for the columns of raw exports).
 */
export class PublishReportViews1764101700000 implements MigrationInterface {
  name = 'PublishReportViews1764101700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW forms.report_survey AS
        SELECT s.id AS survey_id, s.tenant_id, s.title, s.instrument_code FROM forms.survey s`);
    await queryRunner.query(`
      CREATE VIEW forms.report_campaign AS
        SELECT c.id AS campaign_id, c.tenant_id, c.survey_id, c.anonymity, c.min_group_size, c.min_comments FROM forms.campaign c`);
    await queryRunner.query(`
      CREATE VIEW forms.report_survey_version AS
        SELECT v.tenant_id, v.survey_id, v.number AS version_number, v.json FROM forms.survey_version v`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA forms TO harbour_insights`);
    await queryRunner.query(`GRANT SELECT ON forms.report_survey, forms.report_campaign, forms.report_survey_version TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW forms.report_survey_version`);
    await queryRunner.query(`DROP VIEW forms.report_campaign`);
    await queryRunner.query(`DROP VIEW forms.report_survey`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA forms FROM harbour_insights`);
  }
}
