import type { EntityManager } from 'typeorm';
import { decodeCursor, pageFrom, scopeCondition, type GrantScope, type Page } from '@harbour/graphql-kit';
import { AuditEvent } from './audit-event.entity';

/** Every subgraph's audit trail: each publishes its `audit_event` table to the directory. */
const TRAILS = ['directory', 'forms', 'responses', 'insights'] as const;

export interface AuditFilter {
  first: number;
  after?: string | null;
  organisationId?: string | null;
  action?: string | null;
  actorId?: string | null;
  scope: GrantScope;
}

interface AuditRow {
  id: string;
  service: string;
  tenant_id: string | null;
  organisation_id: string | null;
  occurred_at: Date;
  actor_id: string | null;
  credential: string | null;
  client: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit trail across every subgraph, newest first (keyset on time and id), inside the
 * caller's scope. Events with no organisation count as the tenant's own; events with no
 * tenant (accounts, API tokens) only platform admins see, and so with campaigns' daily
 * response counts (`campaign.responses`, timed at the end of their day).
 */
export async function auditEvents(db: EntityManager, filter: AuditFilter): Promise<Page<AuditEvent>> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = [scopeCondition(filter.scope, { tenant: 'e.tenant_id', organisation: 'coalesce(e.organisation_id, e.tenant_id)' }, param)];
  if (filter.organisationId) {
    conditions.push(
      `EXISTS (SELECT 1 FROM directory.organisation_closure c WHERE c.descendant_id = coalesce(e.organisation_id, e.tenant_id) AND c.ancestor_id = ${param(filter.organisationId)}::uuid)`,
    );
  }
  if (filter.action) conditions.push(`e.action = ${param(filter.action)}`);
  if (filter.actorId) conditions.push(`e.actor_id = ${param(filter.actorId)}::uuid`);
  if (filter.after) {
    const [at, id] = decodeCursor(filter.after, ['text', 'uuid']);
    conditions.push(`(e.occurred_at, e.id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`);
  }
  // A campaign's submissions, withdrawals and erasures are counted per day: small counts, so for platform admins only.
  const trails = TRAILS.map((service) => `SELECT '${service}' AS service, t.* FROM ${service}.audit_event t`);
  if (filter.scope.everywhere) trails.push(`SELECT 'responses' AS service, t.* FROM responses.audit_campaign_activity t`);
  const union = trails.join(' UNION ALL ');
  const rows: AuditRow[] = await db.query(
    `SELECT e.* FROM (${union}) e WHERE ${conditions.join(' AND ')}
     ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${param(filter.first + 1)}`,
    params,
  );
  const events = rows.map((row) =>
    Object.assign(new AuditEvent(), {
      id: row.id,
      service: row.service,
      tenantId: row.tenant_id,
      organisationId: row.organisation_id,
      occurredAt: row.occurred_at,
      actorId: row.actor_id,
      credential: row.credential,
      client: row.client,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
    }),
  );
  return pageFrom(events, filter.first, (e) => [e.occurredAt.toISOString(), e.id]);
}
