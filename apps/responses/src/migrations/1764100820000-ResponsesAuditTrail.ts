import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from '@harbour/db';

/** responses's append-only audit trail, published read-only to the directory for `auditLog`. */
export class ResponsesAuditTrail1764100820000 implements MigrationInterface {
  name = 'ResponsesAuditTrail1764100820000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('responses').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('responses').down) await queryRunner.query(statement);
  }
}
