import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurvey1764000100000 implements MigrationInterface {
  name = 'CreateSurvey1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE forms.survey (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX survey_organisation_idx ON forms.survey (organisation_id, title)`);
    await queryRunner.query(`CREATE INDEX survey_tenant_idx ON forms.survey (tenant_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE forms.survey`);
  }
}
