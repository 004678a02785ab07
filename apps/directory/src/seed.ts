import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, type DemoData } from '@harbour/demo';
import { hashPassword } from './account/password';

/** Writes the demo's organisations, roles, accounts and grants; rows already there are left as they are. */
export async function seedDirectory(db: EntityManager, demo: DemoData): Promise<void> {
  // Parents before children, so the foreign key holds at every insert.
  for (const o of demo.organisations) {
    await db.query(
      `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [o.id, o.tenantId, o.parentId, o.kind, o.name],
    );
  }
  for (const r of demo.roles) {
    await db.query(`INSERT INTO directory.role (id, tenant_id, code, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      r.id,
      r.tenantId,
      r.code,
      r.name,
    ]);
  }
  for (const setting of demo.settings) {
    await db.query(`INSERT INTO directory.setting (id, tenant_id, code, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      setting.id,
      setting.tenantId,
      setting.code,
      setting.name,
    ]);
  }
  const tenantOf = new Map(demo.organisations.map((o) => [o.id, o.tenantId]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of demo.accounts) {
    await db.query(
      `INSERT INTO directory.account (id, email, display_name, platform_admin) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [a.id, a.email, a.displayName, a.platformAdmin],
    );
    await db.query(
      `INSERT INTO directory.account_identity (id, account_id, provider, subject, secret_hash)
       VALUES ($1, $2, 'password', $3, $4) ON CONFLICT DO NOTHING`,
      [randomUUID(), a.id, a.email, passwordHash],
    );
    for (const g of a.grants) {
      await db.query(
        `INSERT INTO directory.access_grant (id, tenant_id, account_id, organisation_id, role)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [randomUUID(), tenantOf.get(g.organisationId), a.id, g.organisationId, g.role],
      );
    }
  }
}
