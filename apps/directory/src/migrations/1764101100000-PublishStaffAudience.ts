import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What forms may know of staff to size a campaign's audience: who is in post, where, in which
 * role and setting, since when. No references, names or contacts. Published read-only to
 * harbour_forms; row-level security on the tables behind it still filters by the reader's tenants.
 */
export class PublishStaffAudience1764101100000 implements MigrationInterface {
  name = 'PublishStaffAudience1764101100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW directory.staff_audience AS
        SELECT s.tenant_id, s.id AS staff_id, s.employing_organisation_id, s.role_id, s.setting_id, s.started_on, s.left_on,
               coalesce((SELECT array_agg(h.organisation_id) FROM directory.staff_host h WHERE h.staff_id = s.id), '{}') AS host_organisation_ids
        FROM directory.staff s`);
    await queryRunner.query(`GRANT SELECT ON directory.staff_audience TO harbour_forms`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW directory.staff_audience`);
  }
}
