import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportingPolicy1764000300000 implements MigrationInterface {
  name = 'CreateReportingPolicy1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.reporting_policy (
        tenant_id uuid PRIMARY KEY,
        min_group_size integer NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 3 AND 100),
        min_comments integer NOT NULL DEFAULT 10 CHECK (min_comments BETWEEN 3 AND 100),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (min_comments >= min_group_size)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.reporting_policy`);
  }
}
