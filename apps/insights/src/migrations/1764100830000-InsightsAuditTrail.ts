import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from '@harbour/db';

/** insights's append-only audit trail, published read-only to the directory for `auditLog`. */
export class InsightsAuditTrail1764100830000 implements MigrationInterface {
  name = 'InsightsAuditTrail1764100830000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('insights').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('insights').down) await queryRunner.query(statement);
  }
}
