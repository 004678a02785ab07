import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/** Campaigns: a published survey version, an audience, a schedule, an anonymity mode and reporting thresholds. */
export class CreateCampaign1764101200000 implements MigrationInterface {
  name = 'CreateCampaign1764101200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE forms.campaign (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        version_number integer NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        audience jsonb NOT NULL,
        schedule jsonb NOT NULL,
        anonymity text NOT NULL DEFAULT 'pseudonymous' CHECK (anonymity IN ('anonymous', 'pseudonymous', 'identified')),
        min_group_size integer NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 3 AND 100),
        min_comments integer NOT NULL DEFAULT 10 CHECK (min_comments BETWEEN 3 AND 100),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled', 'open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CHECK (min_comments >= min_group_size),
        FOREIGN KEY (survey_id, version_number) REFERENCES forms.survey_version (survey_id, number),
        FOREIGN KEY (survey_id, tenant_id) REFERENCES forms.survey (id, tenant_id)
      )`);
    await queryRunner.query(`CREATE INDEX campaign_organisation_idx ON forms.campaign (organisation_id, created_at)`);
    for (const statement of tenantIsolation('forms.campaign').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE forms.campaign`);
  }
}
