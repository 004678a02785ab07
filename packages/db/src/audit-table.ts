import { tenantIsolation } from './row-level-security';

/** The role that reads every subgraph's audit trail, to answer `auditLog`. */
const AUDIT_READER = 'harbour_directory';

/**
 * Statements for a subgraph's append-only audit trail, `<schema>.audit_event`: who did what
 * to which record, when and from which client. Tenant-owned under row-level security; events
 * with no tenant (accounts, API tokens) may be written by anyone and read only across tenants.
 * Published read-only to the directory, which answers the `auditLog` query.
 */
export function auditTable(schema: string): { up: string[]; down: string[] } {
  const table = `${schema}.audit_event`;
  const isolation = tenantIsolation(table);
  return {
    up: [
      `CREATE TABLE ${table} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid,
        organisation_id uuid,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        credential text CHECK (credential IN ('session', 'api_token', 'anonymous')),
        client text CHECK (length(client) <= 300),
        request_id text CHECK (length(request_id) <= 100),
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`,
      `CREATE INDEX audit_event_time_idx ON ${table} (occurred_at DESC, id DESC)`,
      `CREATE INDEX audit_event_tenant_idx ON ${table} (tenant_id, occurred_at DESC)`,
      ...isolation.up,
      `CREATE POLICY audit_platform_events_writable ON ${table} FOR INSERT WITH CHECK (tenant_id IS NULL)`,
      ...(schema === 'directory' ? [] : [`GRANT USAGE ON SCHEMA ${schema} TO ${AUDIT_READER}`, `GRANT SELECT ON ${table} TO ${AUDIT_READER}`]),
    ],
    down: [
      ...(schema === 'directory' ? [] : [`REVOKE SELECT ON ${table} FROM ${AUDIT_READER}`]),
      `DROP TABLE ${table}`,
    ],
  };
}
