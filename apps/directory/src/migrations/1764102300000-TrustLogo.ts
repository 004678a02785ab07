import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trust's logo for the header of its personal link pages: a `data:` URL of a small PNG, JPEG
 * or WebP image (checked by the subgraph), so the page asks no other site for it. Published
 * to responses as a new last column of `directory.respondent_trust`.
 */
export class TrustLogo1764102300000 implements MigrationInterface {
  name = 'TrustLogo1764102300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory.organisation ADD COLUMN logo text CHECK (length(logo) <= 30000 AND logo LIKE 'data:image/%')`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW directory.respondent_trust AS
        SELECT o.tenant_id, o.name, o.contact_email, o.privacy_notice_url, o.logo FROM directory.organisation o WHERE o.parent_id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW directory.respondent_trust`);
    await queryRunner.query(`
      CREATE VIEW directory.respondent_trust AS
        SELECT o.tenant_id, o.name, o.contact_email, o.privacy_notice_url FROM directory.organisation o WHERE o.parent_id IS NULL`);
    await queryRunner.query(`GRANT SELECT ON directory.respondent_trust TO harbour_responses`);
    await queryRunner.query(`ALTER TABLE directory.organisation DROP COLUMN logo`);
  }
}
