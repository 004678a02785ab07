import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who a trust's staff contact about its surveys, and its privacy notice: set on the trust (the
 * top of its tree), shown on every personal link's page. Published to responses, which serves
 * that page, as `directory.respondent_trust` (row-level security on the table still applies).
 */
export class TrustContact1764102100000 implements MigrationInterface {
  name = 'TrustContact1764102100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory.organisation
        ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
        ADD COLUMN privacy_notice_url text CHECK (length(privacy_notice_url) <= 2000)`);
    await queryRunner.query(`
      CREATE VIEW directory.respondent_trust AS
        SELECT o.tenant_id, o.name, o.contact_email, o.privacy_notice_url FROM directory.organisation o WHERE o.parent_id IS NULL`);
    await queryRunner.query(`GRANT SELECT ON directory.respondent_trust TO harbour_responses`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW directory.respondent_trust`);
    await queryRunner.query(`ALTER TABLE directory.organisation DROP COLUMN contact_email, DROP COLUMN privacy_notice_url`);
  }
}
