import type { DataSource, EntityManager } from 'typeorm';
import type { HarbourContext } from './context';

/** One thing that happened, for the audit trail. */
export interface AuditEntry {
  /** `<thing>.<verb>`, e.g. `grant.create`, `responses.read`. */
  action: string;
  /** The tenant it happened in; null for things above tenants (accounts, API tokens). */
  tenantId: string | null;
  /** The organisation it concerns, when there is one. */
  organisationId?: string | null;
  targetType: string;
  targetId?: string | null;
  /** What changed, without secrets: never a password, token or answer. */
  details?: Record<string, unknown>;
  /** Who did it, when not the caller (a sign-in is done by the account signing in). */
  actorId?: string | null;
}

function schemaOf(db: EntityManager | DataSource): string {
  // Each subgraph's DataSource is PostgreSQL with its own schema (createSubgraphDataSource).
  const options = ('connection' in db ? db.connection : db).options;
  const schema = (options as { schema?: string }).schema;
  if (!schema) throw new Error('audit() needs a DataSource with a schema');
  return schema;
}

function rowOf(ctx: HarbourContext, entry: AuditEntry): unknown[] {
  const caller = ctx.caller;
  return [
    entry.tenantId,
    entry.organisationId ?? null,
    entry.actorId !== undefined ? entry.actorId : caller.kind === 'account' ? caller.accountId : null,
    caller.kind === 'account' ? caller.credential : 'anonymous',
    ctx.client ?? null,
    ctx.requestId.slice(0, 100),
    entry.action,
    entry.targetType,
    entry.targetId ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
}

const COLUMNS = 'tenant_id, organisation_id, actor_id, credential, client, request_id, action, target_type, target_id, details';

/** Writes entries in one statement. */
async function insert(ctx: HarbourContext, entries: readonly AuditEntry[], db: EntityManager | DataSource): Promise<void> {
  const params: unknown[] = [];
  const values = entries.map((entry) => `(${rowOf(ctx, entry).map((value) => `$${params.push(value)}`).join(', ')})`);
  await db.query(`INSERT INTO ${schemaOf(db)}.audit_event (${COLUMNS}) VALUES ${values.join(', ')}`, params);
}

/**
 * Records an entry in this subgraph's audit trail, in the request's own transaction: a change
 * that rolls back leaves no entry, and no change commits without one. Pass the DataSource as
 * `db` to record something that must stay even though the request fails (a refused sign-in).
 * Entries recorded in the same tick of a request are written in one statement.
 */
export async function audit(ctx: HarbourContext, entry: AuditEntry, db: EntityManager | DataSource = ctx.db): Promise<void> {
  if (db !== ctx.db) {
    await insert(ctx, [entry], db);
    return;
  }
  await ctx.loaders
    .get<AuditEntry, true>('audit', async (entries) => {
      await insert(ctx, entries, ctx.db);
      return entries.map(() => true as const);
    })
    .load(entry);
}
