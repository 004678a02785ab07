import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

const TABLES = ['directory.staff', 'directory.staff_host', 'directory.staff_contact', 'directory.employment_event', 'directory.staff_import'];

/**
 * Staff in new roles, pseudonymous by default: an external reference (an ESR assignment
 * number) identifies them; name and email, when kept at all, sit in a table of their own.
 * Employment events keep the history of starts, changes and leaving: never overwritten.
 */
export class CreateStaff1764100900000 implements MigrationInterface {
  name = 'CreateStaff1764100900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory.staff (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        external_ref text NOT NULL CHECK (length(btrim(external_ref)) BETWEEN 1 AND 64),
        role_id uuid NOT NULL REFERENCES directory.role (id),
        employing_organisation_id uuid NOT NULL,
        setting_id uuid REFERENCES directory.setting (id),
        started_on date NOT NULL,
        cohort text CHECK (length(cohort) <= 100),
        pay_band text CHECK (pay_band IN ('1', '2', '3', '4', '5', '6', '7', '8a', '8b', '8c', '8d', '9')),
        line_manager_ref text CHECK (length(line_manager_ref) <= 64),
        clinical_supervisor_ref text CHECK (length(clinical_supervisor_ref) <= 64),
        left_on date,
        leave_reason text CHECK (leave_reason IN ('career_progression', 'another_nhs_role', 'left_the_nhs', 'retirement',
          'end_of_fixed_term', 'relocation', 'work_life_balance', 'health', 'lack_of_support', 'dismissal', 'other', 'unknown')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, external_ref),
        UNIQUE (id, tenant_id),
        FOREIGN KEY (employing_organisation_id, tenant_id) REFERENCES directory.organisation (id, tenant_id),
        CHECK ((left_on IS NULL) = (leave_reason IS NULL)),
        CHECK (left_on IS NULL OR left_on >= started_on)
      )`);
    await queryRunner.query(`CREATE INDEX staff_employer_idx ON directory.staff (employing_organisation_id)`);
    await queryRunner.query(`CREATE INDEX staff_role_idx ON directory.staff (tenant_id, role_id)`);
    await queryRunner.query(`
      CREATE TABLE directory.staff_host (
        tenant_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        PRIMARY KEY (staff_id, organisation_id),
        FOREIGN KEY (staff_id, tenant_id) REFERENCES directory.staff (id, tenant_id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, tenant_id) REFERENCES directory.organisation (id, tenant_id)
      )`);
    await queryRunner.query(`CREATE INDEX staff_host_organisation_idx ON directory.staff_host (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE directory.staff_contact (
        staff_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        name text CHECK (length(name) <= 200),
        email text CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
        FOREIGN KEY (staff_id, tenant_id) REFERENCES directory.staff (id, tenant_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE directory.employment_event (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('started', 'changed', 'left')),
        occurred_on date NOT NULL,
        role_id uuid NOT NULL,
        employing_organisation_id uuid NOT NULL,
        host_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        setting_id uuid,
        leave_reason text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        FOREIGN KEY (staff_id, tenant_id) REFERENCES directory.staff (id, tenant_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX employment_event_staff_idx ON directory.employment_event (staff_id, occurred_on, recorded_at)`);
    // One row per import, updated as it goes, so a client can show progress while it runs.
    await queryRunner.query(`
      CREATE TABLE directory.staff_import (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        account_id uuid,
        apply boolean NOT NULL,
        phase text NOT NULL CHECK (phase IN ('reading', 'checking', 'applying', 'done', 'failed')),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    for (const table of TABLES) {
      for (const statement of tenantIsolation(table).up) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
