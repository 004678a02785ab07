import type { MigrationInterface, QueryRunner } from 'typeorm';

/** NHS organisation codes (ODS codes, e.g. practice Y01234), so imports can name organisations unambiguously. */
export class OrganisationOdsCode1764100700000 implements MigrationInterface {
  name = 'OrganisationOdsCode1764100700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory.organisation ADD COLUMN ods_code text CHECK (ods_code ~ '^[A-Z0-9]{3,10}$')`);
    await queryRunner.query(`CREATE UNIQUE INDEX organisation_ods_code_idx ON directory.organisation (tenant_id, ods_code) WHERE ods_code IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory.organisation DROP COLUMN ods_code`);
  }
}
