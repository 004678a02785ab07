import { isUuid } from '../ids';

/** What a grant lets its holder do, on an organisation and everything below it. */
export type GrantRole = 'trust_admin' | 'evaluator' | 'researcher';
export const GRANT_ROLES: readonly GrantRole[] = ['trust_admin', 'evaluator', 'researcher'];

/** A role on an organisation subtree, as the gateway verified it. */
export interface Grant {
  role: GrantRole;
  organisationId: string;
  /** The top-level organisation the subtree sits in. */
  tenantId: string;
}

/** How a signed-in caller proved who they are. */
export type Credential = 'session' | 'api_token';

/**
 * Who is asking, as the gateway verified it once per request and passed on in
 * {@link CALLER_HEADER}. Subgraphs trust it only on requests that carry the gateway secret.
 */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      credential: Credential;
      /** Set for sessions, so sign-out can end this one. */
      sessionId?: string;
      /** Platform admins may do anything in every tenant. */
      platformAdmin: boolean;
      grants: Grant[];
    };

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

/** The header the gateway sets (and never forwards from a client) with the verified caller. */
export const CALLER_HEADER = 'x-harbour-caller';

export function encodeCaller(caller: Caller): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

class BadCaller extends Error {}

function grantFrom(value: unknown): Grant {
  const grant = value as Partial<Grant> | null;
  if (
    !grant ||
    !GRANT_ROLES.includes(grant.role as GrantRole) ||
    !isUuid(String(grant.organisationId)) ||
    !isUuid(String(grant.tenantId))
  ) {
    throw new BadCaller('bad grant');
  }
  return { role: grant.role!, organisationId: grant.organisationId!, tenantId: grant.tenantId! };
}

/**
 * Reads {@link CALLER_HEADER}. No header means anonymous; a header that does not parse is
 * refused (null) rather than guessed at, since only the gateway writes it.
 */
export function decodeCaller(header: string | undefined): Caller | null {
  if (!header) return ANONYMOUS;
  try {
    const value = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (value.kind === 'anonymous') return ANONYMOUS;
    if (value.kind !== 'account' || !isUuid(String(value.accountId))) throw new BadCaller('bad account');
    if (value.credential !== 'session' && value.credential !== 'api_token') throw new BadCaller('bad credential');
    if (value.sessionId !== undefined && !isUuid(String(value.sessionId))) throw new BadCaller('bad session');
    if (!Array.isArray(value.grants)) throw new BadCaller('bad grants');
    return {
      kind: 'account',
      accountId: String(value.accountId),
      credential: value.credential,
      ...(value.sessionId ? { sessionId: String(value.sessionId) } : {}),
      platformAdmin: value.platformAdmin === true,
      grants: value.grants.map(grantFrom),
    };
  } catch {
    return null;
  }
}

/** The tenants whose rows this caller's database work may see. */
export function tenantsOf(caller: Caller): string[] {
  if (caller.kind !== 'account') return [];
  return [...new Set(caller.grants.map((grant) => grant.tenantId))];
}
