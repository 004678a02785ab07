import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What responses may know of forms to deliver campaigns: each campaign's survey version,
 * audience, schedule, promise and state; and each published version's form and scoring.
 * Read-only; row-level security on the tables behind them still filters by tenant.
 */
export class PublishDeliveryViews1764101300000 implements MigrationInterface {
  name = 'PublishDeliveryViews1764101300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW forms.delivery_campaign AS
        SELECT c.id AS campaign_id, c.tenant_id, c.organisation_id, c.survey_id, c.version_number, c.name, c.audience, c.schedule,
               c.anonymity, c.min_group_size, c.min_comments, c.state
        FROM forms.campaign c`);
    await queryRunner.query(`
      CREATE VIEW forms.delivery_survey_version AS
        SELECT v.tenant_id, v.survey_id, v.number AS version_number, s.title, v.json, v.scoring
        FROM forms.survey_version v JOIN forms.survey s ON s.id = v.survey_id`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA forms TO harbour_responses`);
    await queryRunner.query(`GRANT SELECT ON forms.delivery_campaign, forms.delivery_survey_version TO harbour_responses`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW forms.delivery_survey_version`);
    await queryRunner.query(`DROP VIEW forms.delivery_campaign`);
  }
}
