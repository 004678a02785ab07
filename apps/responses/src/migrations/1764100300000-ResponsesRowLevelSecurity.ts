import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/** Row-level security on responses's tenant-owned tables: a session sees only its tenants' rows. */
export class ResponsesRowLevelSecurity1764100300000 implements MigrationInterface {
  name = 'ResponsesRowLevelSecurity1764100300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('responses.response').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('responses.response').down) await queryRunner.query(statement);
  }
}
