import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What responses may know of staff to deliver a campaign: the audience view (now with the
 * cohort, for the snapshot an invitation keeps), and each person's name and email to send their
 * link to. Read-only; row-level security on the tables behind both still filters by tenant.
 */
export class PublishStaffToResponses1764101300000 implements MigrationInterface {
  name = 'PublishStaffToResponses1764101300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW directory.staff_audience AS
        SELECT s.tenant_id, s.id AS staff_id, s.employing_organisation_id, s.role_id, s.setting_id, s.started_on, s.left_on,
               coalesce((SELECT array_agg(h.organisation_id) FROM directory.staff_host h WHERE h.staff_id = s.id), '{}') AS host_organisation_ids,
               s.cohort
        FROM directory.staff s`);
    await queryRunner.query(`
      CREATE VIEW directory.staff_delivery_contact AS
        SELECT c.tenant_id, c.staff_id, c.name, c.email FROM directory.staff_contact c WHERE c.email IS NOT NULL`);
    await queryRunner.query(`GRANT SELECT ON directory.staff_audience, directory.staff_delivery_contact TO harbour_responses`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT ON directory.staff_audience, directory.staff_delivery_contact FROM harbour_responses`);
    await queryRunner.query(`DROP VIEW directory.staff_delivery_contact`);
  }
}
