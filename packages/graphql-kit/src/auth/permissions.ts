import type { Caller, Grant, GrantRole } from './caller';

/**
 * What a caller may ask to do. Each is allowed by some grant roles on an organisation's
 * subtree; platform admins may do all of them everywhere.
 */
export type Action =
  /** See organisations, roles and settings. */
  | 'read_directory'
  /** Read aggregate reports. */
  | 'read_reports'
  /** Export raw pseudonymous responses (audited): only with an explicit researcher grant. */
  | 'export_raw'
  /** Change forms, campaigns, staff and grants; read staff records and response lists. */
  | 'manage'
  /** Create tenants, change the national catalogues. */
  | 'administer_platform';

const ROLES_FOR: Record<Action, readonly GrantRole[]> = {
  read_directory: ['trust_admin', 'evaluator', 'researcher'],
  read_reports: ['trust_admin', 'evaluator', 'researcher'],
  export_raw: ['researcher'],
  manage: ['trust_admin'],
  administer_platform: [],
};

/** API tokens are for evaluators' scripts: they read reports (and the directory to filter them), and raw data where granted, nothing else. */
const API_TOKEN_ACTIONS: ReadonlySet<Action> = new Set(['read_directory', 'read_reports', 'export_raw']);

/** Actions no one has by being a platform admin: only a grant of the role gives them. */
const EXPLICIT_ONLY: ReadonlySet<Action> = new Set(['export_raw']);

/** Where a caller may do `action`: everywhere, or within these tenants and subtrees. */
export interface GrantScope {
  everywhere: boolean;
  /** Tenants where a grant sits on the tenant itself, so covers all of it. */
  tenantIds: string[];
  /** Organisations below tenant level whose subtrees a grant covers. */
  organisationIds: string[];
}

const NOWHERE: GrantScope = Object.freeze({ everywhere: false, tenantIds: [], organisationIds: [] }) as GrantScope;

function credentialAllows(caller: Caller, action: Action): boolean {
  return caller.kind === 'account' && (caller.credential === 'session' || API_TOKEN_ACTIONS.has(action));
}

/** The grants that allow `action`. */
export function grantsFor(caller: Caller, action: Action): Grant[] {
  if (!credentialAllows(caller, action) || caller.kind !== 'account') return [];
  const roles = ROLES_FOR[action];
  return caller.grants.filter((grant) => roles.includes(grant.role));
}

/** Where `caller` may do `action`. */
export function scopeOf(caller: Caller, action: Action): GrantScope {
  if (!credentialAllows(caller, action) || caller.kind !== 'account') return NOWHERE;
  if (caller.platformAdmin && !EXPLICIT_ONLY.has(action)) return { everywhere: true, tenantIds: [], organisationIds: [] };
  const tenantIds = new Set<string>();
  const organisationIds = new Set<string>();
  for (const grant of grantsFor(caller, action)) {
    if (grant.organisationId === grant.tenantId) tenantIds.add(grant.tenantId);
    else organisationIds.add(grant.organisationId);
  }
  return { everywhere: false, tenantIds: [...tenantIds], organisationIds: [...organisationIds] };
}

/** True when the scope covers nothing at all. */
export function isEmptyScope(scope: GrantScope): boolean {
  return !scope.everywhere && scope.tenantIds.length === 0 && scope.organisationIds.length === 0;
}

/**
 * Whether the scope covers an organisation, given its tenant and its ancestors (itself
 * included). `ancestorIds` is only needed when the scope holds subtree grants.
 */
export function scopeCovers(scope: GrantScope, target: { tenantId: string; ancestorIds?: readonly string[] }): boolean {
  if (scope.everywhere || scope.tenantIds.includes(target.tenantId)) return true;
  return (target.ancestorIds ?? []).some((id) => scope.organisationIds.includes(id));
}

/**
 * A SQL condition that keeps rows inside the scope, for a table with a tenant column and an
 * organisation column. `param` binds a value and returns its placeholder. Subtree grants are
 * checked against the directory's published ancestry view.
 */
export function scopeCondition(
  scope: GrantScope,
  columns: { tenant: string; organisation: string },
  param: (value: unknown) => string,
): string {
  if (scope.everywhere) return 'TRUE';
  const parts: string[] = [];
  if (scope.tenantIds.length) parts.push(`${columns.tenant} = ANY(${param(scope.tenantIds)}::uuid[])`);
  if (scope.organisationIds.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM directory.organisation_ancestry a WHERE a.descendant_id = ${columns.organisation} AND a.ancestor_id = ANY(${param(scope.organisationIds)}::uuid[]))`,
    );
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
