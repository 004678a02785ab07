import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/** Row-level security on forms's tenant-owned tables: a session sees only its tenants' rows. */
export class FormsRowLevelSecurity1764100200000 implements MigrationInterface {
  name = 'FormsRowLevelSecurity1764100200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('forms.survey').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('forms.survey').down) await queryRunner.query(statement);
  }
}
