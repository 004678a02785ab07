import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, type DemoData } from '@harbour/demo';
import { hashPassword } from './account/password';

/** Writes the demo's organisations, roles, accounts and grants; rows already there are left as they are. */
export async function seedDirectory(db: EntityManager, demo: DemoData): Promise<void> {
  // Parents before children, so the foreign key holds at every insert.
  for (const o of demo.organisations) {
    await db.query(
      `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name, contact_email, privacy_notice_url) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [o.id, o.tenantId, o.parentId, o.kind, o.name, o.contactEmail ?? null, o.privacyNoticeUrl ?? null],
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
  for (const person of demo.staff) {
    const inserted: unknown[] = await db.query(
      `INSERT INTO directory.staff (id, tenant_id, external_ref, role_id, employing_organisation_id, setting_id, started_on, cohort, pay_band, left_on, leave_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
      [person.id, person.tenantId, person.externalRef, person.roleId, person.employerId, person.settingId, person.startedOn, person.cohort, person.payBand, person.leftOn, person.leaveReason],
    );
    if (!inserted.length) continue;
    for (const host of person.hostIds) {
      await db.query(`INSERT INTO directory.staff_host (tenant_id, staff_id, organisation_id) VALUES ($1, $2, $3)`, [person.tenantId, person.id, host]);
    }
    const snapshot = [person.tenantId, person.id, person.roleId, person.employerId, person.hostIds, person.settingId];
    await db.query(
      `INSERT INTO directory.employment_event (id, tenant_id, staff_id, kind, occurred_on, role_id, employing_organisation_id, host_organisation_ids, setting_id)
       VALUES (gen_random_uuid(), $1, $2, 'started', $7, $3, $4, $5, $6)`,
      [...snapshot, person.startedOn],
    );
    if (person.leftOn) {
      await db.query(
        `INSERT INTO directory.employment_event (id, tenant_id, staff_id, kind, occurred_on, role_id, employing_organisation_id, host_organisation_ids, setting_id, leave_reason)
         VALUES (gen_random_uuid(), $1, $2, 'left', $7, $3, $4, $5, $6, $8)`,
        [...snapshot, person.leftOn, person.leaveReason],
      );
    }
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
  // The demo respondent has an email address, so the outbox shows their invitation.
  await db.query(
    `INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email) VALUES ($1, $2, $3, $4) ON CONFLICT (staff_id) DO NOTHING`,
    [demo.respondent.staffId, demo.respondent.tenantId, demo.respondent.name, demo.respondent.email],
  );
}
