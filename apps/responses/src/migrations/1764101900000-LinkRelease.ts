import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * Releasing a campaign's personal links for hand delivery: a deliberate act, one per campaign,
 * after which its held messages show their links to the trust's admins. A response submitted
 * after that came through a link others may hold, so it is marked: it counts in every figure
 * but never towards a group's minimum. Insights reads the releases, to say so in reports.
 */
export class LinkRelease1764101900000 implements MigrationInterface {
  name = 'LinkRelease1764101900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.link_release (
        campaign_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        released_at timestamptz NOT NULL DEFAULT now(),
        released_by uuid NOT NULL,
        -- Held messages whose links it released.
        messages int NOT NULL
      )`);
    for (const statement of tenantIsolation('responses.link_release').up) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE responses.response ADD COLUMN via_released_link boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE VIEW responses.report_link_release AS
        SELECT tenant_id, campaign_id, released_at FROM responses.link_release`);
    await queryRunner.query(`GRANT SELECT ON responses.report_link_release TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.report_link_release`);
    await queryRunner.query(`ALTER TABLE responses.response DROP COLUMN via_released_link`);
    await queryRunner.query(`DROP TABLE responses.link_release`);
  }
}
