import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a campaign lets respondents answer "Prefer not to say" to its questions. Published to
 * responses, which serves the page and checks the answers, as a new last column of
 * `forms.delivery_campaign`.
 */
export class PreferNotToSay1764102200000 implements MigrationInterface {
  name = 'PreferNotToSay1764102200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE forms.campaign ADD COLUMN prefer_not_to_say boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW forms.delivery_campaign AS
        SELECT c.id AS campaign_id, c.tenant_id, c.organisation_id, c.survey_id, c.version_number, c.name, c.audience, c.schedule,
               c.anonymity, c.min_group_size, c.min_comments, c.state, c.prefer_not_to_say
        FROM forms.campaign c`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW forms.delivery_campaign`);
    await queryRunner.query(`
      CREATE VIEW forms.delivery_campaign AS
        SELECT c.id AS campaign_id, c.tenant_id, c.organisation_id, c.survey_id, c.version_number, c.name, c.audience, c.schedule,
               c.anonymity, c.min_group_size, c.min_comments, c.state
        FROM forms.campaign c`);
    await queryRunner.query(`GRANT SELECT ON forms.delivery_campaign TO harbour_responses`);
    await queryRunner.query(`ALTER TABLE forms.campaign DROP COLUMN prefer_not_to_say`);
  }
}
