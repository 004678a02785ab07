import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names for what reports group by (organisations with their parents, roles, settings), so an
 * evaluator's tables and exports read in words. Row-level security still applies: a tenant's
 * own names and the national catalogues only.
 */
export class PublishReportLabels1764101700000 implements MigrationInterface {
  name = 'PublishReportLabels1764101700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW directory.report_label AS
        SELECT 'organisation'::text AS kind, id, tenant_id, name, parent_id FROM directory.organisation
        UNION ALL SELECT 'role', id, tenant_id, name, NULL FROM directory.role
        UNION ALL SELECT 'setting', id, tenant_id, name, NULL FROM directory.setting`);
    await queryRunner.query(`GRANT SELECT ON directory.report_label TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW directory.report_label`);
  }
}
