import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The all-tenant benchmark's disclosure cells: every tenant's responses to the library's
 * instruments, by national role, national setting, tenure band and month, partitioned so each
 * cell holds at least k respondents from at least three tenants. No tenant id is kept: a cell
 * says how many tenants it holds, never which.
 */
export class CreateBenchmarkCells1764101800000 implements MigrationInterface {
  name = 'CreateBenchmarkCells1764101800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.benchmark_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        fingerprint text NOT NULL,
        built_at timestamptz NOT NULL DEFAULT now(),
        cells integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE insights.benchmark_cell (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        instrument_code text NOT NULL,
        role_id uuid,
        setting_id uuid,
        tenure_band text,
        period_unit text NOT NULL CHECK (period_unit IN ('month', 'quarter', 'year', 'all')),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        n integer NOT NULL,
        k integer NOT NULL CHECK (n >= k),
        tenants integer NOT NULL CHECK (tenants >= 3)
      )`);
    await queryRunner.query(`
      CREATE TABLE insights.benchmark_cell_measure (
        cell_id bigint NOT NULL REFERENCES insights.benchmark_cell (id) ON DELETE CASCADE,
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
    // Which cell each group (across tenants) fell in: the key has no tenant, as all tenants' atoms of one group share a cell.
    await queryRunner.query(`
      CREATE TABLE insights.benchmark_atom (
        instrument_code text NOT NULL,
        role_id uuid NOT NULL,
        setting_id uuid NOT NULL,
        tenure_band text NOT NULL,
        month date NOT NULL,
        cell_id bigint NOT NULL REFERENCES insights.benchmark_cell (id) ON DELETE CASCADE,
        PRIMARY KEY (instrument_code, role_id, setting_id, tenure_band, month)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.benchmark_atom`);
    await queryRunner.query(`DROP TABLE insights.benchmark_cell_measure`);
    await queryRunner.query(`DROP TABLE insights.benchmark_cell`);
    await queryRunner.query(`DROP TABLE insights.benchmark_state`);
  }
}
