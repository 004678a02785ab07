import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A third grant role: researchers read reports and may export raw pseudonymous responses. */
export class ResearcherGrants1764101800000 implements MigrationInterface {
  name = 'ResearcherGrants1764101800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory.access_grant DROP CONSTRAINT access_grant_role_check,
        ADD CONSTRAINT access_grant_role_check CHECK (role IN ('trust_admin', 'evaluator', 'researcher'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM directory.access_grant WHERE role = 'researcher'`);
    await queryRunner.query(`
      ALTER TABLE directory.access_grant DROP CONSTRAINT access_grant_role_check,
        ADD CONSTRAINT access_grant_role_check CHECK (role IN ('trust_admin', 'evaluator'))`);
  }
}
