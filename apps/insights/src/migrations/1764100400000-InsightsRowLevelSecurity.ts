import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/** Row-level security on insights's tenant-owned tables: a session sees only its tenants' rows. */
export class InsightsRowLevelSecurity1764100400000 implements MigrationInterface {
  name = 'InsightsRowLevelSecurity1764100400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('insights.reporting_policy').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tenantIsolation('insights.reporting_policy').down) await queryRunner.query(statement);
  }
}
