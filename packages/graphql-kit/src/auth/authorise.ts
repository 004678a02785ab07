import type { HarbourContext } from '../context';
import type { Caller } from './caller';
import { ErrorCode, HarbourError } from '../errors';
import { isEmptyScope, scopeCovers, scopeOf, type Action, type GrantScope } from './permissions';

const DESCRIBE: Record<Action, string> = {
  read_directory: 'read the directory',
  read_reports: 'read reports',
  export_raw: 'export raw responses (a researcher grant is needed)',
  manage: 'manage',
  administer_platform: 'administer the platform',
};

function unauthenticated(): HarbourError {
  return new HarbourError(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API token, to do this');
}

function forbidden(action: Action, where?: string): HarbourError {
  return new HarbourError(
    ErrorCode.FORBIDDEN,
    `You have no grant to ${DESCRIBE[action]}${where ? ` ${where}` : ''}`,
    { action },
  );
}

/**
 * The caller's scope for `action`, for list queries that filter to it. Anonymous callers are
 * UNAUTHENTICATED; callers with no grant for `action` anywhere are FORBIDDEN.
 */
export function requireScope(ctx: HarbourContext, action: Action): GrantScope {
  if (ctx.caller.kind === 'anonymous') throw unauthenticated();
  const scope = scopeOf(ctx.caller, action);
  if (isEmptyScope(scope)) throw forbidden(action);
  return scope;
}

/** Where an organisation sits: its tenant and every organisation above it (itself included). */
export interface Placement {
  tenantId: string;
  ancestorIds: string[];
}

/**
 * Each organisation's placement, through the directory's published ancestry view, batched
 * per request; null for one this request cannot see.
 */
export function placementLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Placement | null>('auth.placement', async (ids) => {
    const rows: { descendant_id: string; tenant_id: string; ancestors: string[] }[] = await ctx.db.query(
      `SELECT descendant_id, min(tenant_id::text) AS tenant_id, array_agg(ancestor_id::text) AS ancestors
       FROM directory.organisation_ancestry WHERE descendant_id = ANY($1::uuid[]) GROUP BY descendant_id`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.descendant_id, { tenantId: row.tenant_id, ancestorIds: row.ancestors }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Whether the caller may do `action` on the organisation, without throwing. */
export async function isAllowed(ctx: HarbourContext, action: Action, target: { organisationId: string; tenantId?: string }): Promise<boolean> {
  try {
    await authorise(ctx, action, target);
    return true;
  } catch (error) {
    if (error instanceof HarbourError) return false;
    throw error;
  }
}

/**
 * The signed-in caller: UNAUTHENTICATED for anonymous callers, FORBIDDEN for API tokens when
 * `session` is asked for (a token may read reports, never manage the account that made it).
 */
export function requireAccount(ctx: HarbourContext, options: { session?: boolean } = {}): Extract<Caller, { kind: 'account' }> {
  const caller = ctx.caller;
  if (caller.kind !== 'account') throw unauthenticated();
  if (options.session && caller.credential !== 'session') {
    throw new HarbourError(ErrorCode.FORBIDDEN, 'An API token cannot do this: sign in instead', { credential: caller.credential });
  }
  return caller;
}

/**
 * Throws unless the caller may do `action` on the organisation (and so on what it owns):
 * UNAUTHENTICATED for anonymous callers, FORBIDDEN without a grant covering it. Pass the
 * tenant when it is known: a tenant-wide grant then needs no lookup.
 */
export async function authorise(ctx: HarbourContext, action: Action, target: { organisationId: string; tenantId?: string }): Promise<void> {
  const scope = requireScope(ctx, action);
  if (scope.everywhere) return;
  if (target.tenantId && scopeCovers(scope, { tenantId: target.tenantId })) return;
  if (!target.tenantId || scope.organisationIds.length) {
    const placement = await placementLoader(ctx).load(target.organisationId);
    if (placement && scopeCovers(scope, placement)) return;
  }
  throw forbidden(action, `on organisation ${target.organisationId}`);
}

/** Throws unless the caller is a platform admin (signed in with a session). */
export function requirePlatformAdmin(ctx: HarbourContext): void {
  const scope = requireScope(ctx, 'administer_platform');
  if (!scope.everywhere) throw forbidden('administer_platform');
}
