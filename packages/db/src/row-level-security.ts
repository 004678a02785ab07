/**
 * The condition every tenant-owned row must meet to be seen or written: the session set
 * `harbour.all_tenants` (platform admins, the owner's migrations and seeds) or the row's
 * tenant is one of `harbour.tenant_ids`, which the request's transaction sets with
 * `set_config(..., true)`. Neither set means no rows.
 */
const TENANT_VISIBLE = `(current_setting('harbour.all_tenants', true) = 'on'
    OR tenant_id = ANY (coalesce(nullif(current_setting('harbour.tenant_ids', true), ''), '{}')::uuid[]))`;

/** Statements that enable and force row-level security on a tenant-owned table. */
export function tenantIsolation(table: string): { up: string[]; down: string[] } {
  return {
    up: [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      // Forced: the owner is held to it too, so views it owns filter by the reader's tenants.
      `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table} USING ${TENANT_VISIBLE} WITH CHECK ${TENANT_VISIBLE}`,
    ],
    down: [
      `DROP POLICY tenant_isolation ON ${table}`,
      `ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`,
    ],
  };
}
