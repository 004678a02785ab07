import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from '@harbour/db';

/** directory's append-only audit trail, published read-only to the directory for `auditLog`. */
export class DirectoryAuditTrail1764100800000 implements MigrationInterface {
  name = 'DirectoryAuditTrail1764100800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('directory').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of auditTable('directory').down) await queryRunner.query(statement);
  }
}
