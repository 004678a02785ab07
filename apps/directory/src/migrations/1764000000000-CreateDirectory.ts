import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectory1764000000000 implements MigrationInterface {
  name = 'CreateDirectory1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory.organisation (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        parent_id uuid REFERENCES directory.organisation (id),
        kind text NOT NULL CHECK (kind IN ('integrated_care_board', 'trust', 'locality',
          'primary_care_network', 'practice', 'service', 'team')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((parent_id IS NULL) = (tenant_id = id))
      )`);
    await queryRunner.query(`CREATE INDEX organisation_tenant_idx ON directory.organisation (tenant_id)`);
    await queryRunner.query(`CREATE INDEX organisation_parent_idx ON directory.organisation (parent_id)`);
    await queryRunner.query(`CREATE INDEX organisation_name_idx ON directory.organisation (name, id)`);
    await queryRunner.query(`
      CREATE TABLE directory.role (
        id uuid PRIMARY KEY,
        tenant_id uuid REFERENCES directory.organisation (id),
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // National roles have no tenant; a tenant's own codes are unique within it.
    await queryRunner.query(`CREATE UNIQUE INDEX role_national_code_idx ON directory.role (code) WHERE tenant_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX role_tenant_code_idx ON directory.role (tenant_id, code) WHERE tenant_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory.role`);
    await queryRunner.query(`DROP TABLE directory.organisation`);
  }
}
