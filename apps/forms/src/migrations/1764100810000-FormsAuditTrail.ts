import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from '@harbour/db';

/** forms's append-only audit trail, published read-only to the directory for `auditLog`. */
export class FormsAuditTrail1764100810000 implements MigrationInterface {
  name = 'FormsAuditTrail1764100810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('forms').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('forms').down) await queryRunner.query(statement);
  }
}
