import type { EntityManager } from 'typeorm';
import type { DemoData } from '@harbour/demo';

/** Writes the demo's organisations and roles; rows already there are left as they are. */
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
    await db.query(
      `INSERT INTO directory.role (id, tenant_id, code, name) VALUES ($1, NULL, $2, $3) ON CONFLICT DO NOTHING`,
      [r.id, r.code, r.name],
    );
  }
}
