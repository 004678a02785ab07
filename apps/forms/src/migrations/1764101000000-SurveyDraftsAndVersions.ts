import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * A survey's editable draft (SurveyJS JSON and scoring spec, and the instrument it came from)
 * and its published versions: numbered, hashed, and immutable once written.
 */
export class SurveyDraftsAndVersions1764101000000 implements MigrationInterface {
  name = 'SurveyDraftsAndVersions1764101000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE forms.survey
        ADD COLUMN instrument_code text,
        ADD COLUMN instrument_version integer,
        ADD COLUMN draft jsonb NOT NULL DEFAULT '{"pages": [{"name": "page1", "elements": []}]}',
        ADD COLUMN draft_scoring jsonb NOT NULL DEFAULT '{"constructs": []}',
        ADD COLUMN draft_updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN draft_updated_by uuid,
        ADD CONSTRAINT survey_instrument_check CHECK ((instrument_code IS NULL) = (instrument_version IS NULL)),
        ADD CONSTRAINT survey_id_tenant_key UNIQUE (id, tenant_id)`);
    await queryRunner.query(`
      CREATE TABLE forms.survey_version (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        number integer NOT NULL CHECK (number >= 1),
        json jsonb NOT NULL,
        scoring jsonb NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        UNIQUE (survey_id, number),
        FOREIGN KEY (survey_id, tenant_id) REFERENCES forms.survey (id, tenant_id)
      )`);
    for (const statement of tenantIsolation('forms.survey_version').up) await queryRunner.query(statement);
    // Answers point at versions: a published version never changes or goes away.
    await queryRunner.query(`
      CREATE FUNCTION forms.survey_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published survey versions cannot be changed or deleted' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER survey_version_immutable BEFORE UPDATE OR DELETE ON forms.survey_version
        FOR EACH ROW EXECUTE FUNCTION forms.survey_version_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE forms.survey_version`);
    await queryRunner.query(`DROP FUNCTION forms.survey_version_immutable()`);
    await queryRunner.query(`
      ALTER TABLE forms.survey DROP CONSTRAINT survey_id_tenant_key, DROP CONSTRAINT survey_instrument_check,
        DROP COLUMN draft_updated_by, DROP COLUMN draft_updated_at, DROP COLUMN draft_scoring, DROP COLUMN draft,
        DROP COLUMN instrument_version, DROP COLUMN instrument_code`);
  }
}
