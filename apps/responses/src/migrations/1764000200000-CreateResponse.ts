import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateResponse1764000200000 implements MigrationInterface {
  name = 'CreateResponse1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.response (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        -- Snapshotted when answered, so history never shifts.
        role_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'completed')),
        answers jsonb NOT NULL DEFAULT '{}'::jsonb,
        started_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CHECK ((status = 'completed') = (submitted_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX response_survey_day_idx ON responses.response (survey_id, ((submitted_at AT TIME ZONE 'UTC')::date) DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX response_tenant_idx ON responses.response (tenant_id)`);
    // Published on purpose for insights: completed responses' dimensions, no answers.
    await queryRunner.query(`
      CREATE VIEW responses.completed_response_facts AS
        SELECT id, tenant_id, survey_id, role_id, organisation_id, (submitted_at AT TIME ZONE 'UTC')::date AS submitted_on
        FROM responses.response WHERE status = 'completed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.completed_response_facts`);
    await queryRunner.query(`DROP TABLE responses.response`);
  }
}
