import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

const TENANT_OWNED = ['directory.organisation', 'directory.organisation_closure'];

/** Row-level security on the directory's tenant-owned tables. National roles (no tenant) are readable by every session;
 * only an all-tenants session (a platform admin) writes them, since a NULL tenant is in no list. */
export class DirectoryRowLevelSecurity1764100100000 implements MigrationInterface {
  name = 'DirectoryRowLevelSecurity1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_OWNED) {
      for (const statement of tenantIsolation(table).up) await queryRunner.query(statement);
    }
    for (const statement of tenantIsolation('directory.role').up) await queryRunner.query(statement);
    await queryRunner.query(`CREATE POLICY national_roles_readable ON directory.role FOR SELECT USING (tenant_id IS NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY national_roles_readable ON directory.role`);
    for (const statement of tenantIsolation('directory.role').down) await queryRunner.query(statement);
    for (const table of [...TENANT_OWNED].reverse()) {
      for (const statement of tenantIsolation(table).down) await queryRunner.query(statement);
    }
  }
}
