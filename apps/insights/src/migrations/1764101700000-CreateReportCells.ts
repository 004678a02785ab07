import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * The disclosure cells (see disclosure/cells.ts): each tenant's responses partitioned into
 * groups of at least k, what each cell covers, its summed rollups, and which atoms it holds.
 * Rebuilt from the rollups whenever they or a threshold change (report_state says from what).
 */
export class CreateReportCells1764101700000 implements MigrationInterface {
  name = 'CreateReportCells1764101700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.report_state (
        tenant_id uuid PRIMARY KEY,
        -- The rollups' change count and the thresholds the cells were built with.
        fingerprint text NOT NULL,
        built_at timestamptz NOT NULL DEFAULT now(),
        cells integer NOT NULL,
        excluded integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE insights.report_cell (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL,
        -- Responses (answers' rollups) or invitations (invited and completed counts), partitioned apart.
        population text NOT NULL CHECK (population IN ('responses', 'invitations')),
        survey_id uuid NOT NULL,
        -- The organisation where its respondents work, or the subtree they were merged into.
        organisation_id uuid NOT NULL,
        -- Null: any (merged across it).
        role_id uuid,
        setting_id uuid,
        cohort text,
        tenure_band text,
        period_unit text NOT NULL CHECK (period_unit IN ('month', 'quarter', 'year', 'all')),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        n integer NOT NULL,
        k integer NOT NULL CHECK (n >= k)
      )`);
    await queryRunner.query(`CREATE INDEX report_cell_tenant_idx ON insights.report_cell (tenant_id, population, survey_id)`);
    await queryRunner.query(`
      CREATE TABLE insights.report_cell_measure (
        cell_id bigint NOT NULL REFERENCES insights.report_cell (id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL,
        measure text NOT NULL,
        n integer NOT NULL,
        total double precision NOT NULL,
        total_sq double precision NOT NULL,
        favourable integer NOT NULL,
        total_y double precision NOT NULL,
        total_y_sq double precision NOT NULL,
        total_xy double precision NOT NULL,
        PRIMARY KEY (cell_id, measure)
      )`);
    await queryRunner.query(`
      CREATE TABLE insights.report_atom (
        tenant_id uuid NOT NULL,
        population text NOT NULL,
        survey_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        role_id uuid NOT NULL,
        setting_id uuid NOT NULL,
        cohort text NOT NULL,
        tenure_band text NOT NULL,
        month date NOT NULL,
        cell_id bigint NOT NULL REFERENCES insights.report_cell (id) ON DELETE CASCADE,
        PRIMARY KEY (tenant_id, population, survey_id, organisation_id, role_id, setting_id, cohort, tenure_band, month)
      )`);
    await queryRunner.query(`CREATE INDEX report_atom_cell_idx ON insights.report_atom (cell_id)`);
    for (const table of ['insights.report_state', 'insights.report_cell', 'insights.report_cell_measure', 'insights.report_atom']) {
      for (const statement of tenantIsolation(table).up) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.report_atom`);
    await queryRunner.query(`DROP TABLE insights.report_cell_measure`);
    await queryRunner.query(`DROP TABLE insights.report_cell`);
    await queryRunner.query(`DROP TABLE insights.report_state`);
  }
}
