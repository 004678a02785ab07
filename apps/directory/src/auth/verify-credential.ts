import type { DataSource, EntityManager } from 'typeorm';
import { ALL_TENANTS, withTenants, type Caller, type Grant } from '@harbour/graphql-kit';
import { apiTokenHash, isApiToken } from './api-token-secret';
import { isSessionToken, verifySessionToken } from './session-token';
import { signingKey } from './signing-key';

interface Holder {
  account_id: string;
  platform_admin: boolean;
  session_id?: string;
}

async function grantsOf(db: EntityManager, accountId: string): Promise<Grant[]> {
  const rows: { role: Grant['role']; organisation_id: string; tenant_id: string }[] = await db.query(
    `SELECT role, organisation_id, tenant_id FROM directory.access_grant WHERE account_id = $1 ORDER BY created_at, id`,
    [accountId],
  );
  return rows.map((row) => ({ role: row.role, organisationId: row.organisation_id, tenantId: row.tenant_id }));
}

/**
 * Who a bearer token (a session token or an API token) belongs to, with their grants, or
 * null when it is unknown, expired, revoked, signed out or its account is disabled. The
 * gateway asks this once per request; grants are read afresh, so a revoked grant stops
 * working at once.
 */
export function verifyCredential(dataSource: DataSource, token: string): Promise<Caller | null> {
  // Reading an account's grants crosses tenants: this runs as the directory itself, before any caller is known.
  return withTenants(dataSource, ALL_TENANTS, async (db) => {
    let holder: Holder | undefined;
    let credential: 'session' | 'api_token';
    if (isSessionToken(token)) {
      const claims = verifySessionToken(await signingKey(db), token);
      if (!claims) return null;
      credential = 'session';
      [holder] = await db.query(
        `SELECT s.account_id, a.platform_admin, s.id AS session_id FROM directory.session s
         JOIN directory.account a ON a.id = s.account_id
         WHERE s.id = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL`,
        [claims.sessionId],
      );
    } else if (isApiToken(token)) {
      credential = 'api_token';
      const [found]: (Holder & { token_id: string; stale: boolean })[] = await db.query(
        `SELECT t.id AS token_id, t.account_id, a.platform_admin,
                t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' AS stale
         FROM directory.api_token t JOIN directory.account a ON a.id = t.account_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL
           AND (t.expires_at IS NULL OR t.expires_at > now()) AND a.disabled_at IS NULL`,
        [apiTokenHash(token)],
      );
      // Kept to the minute, so a busy script does not write on every request.
      if (found?.stale) {
        await db.query(`UPDATE directory.api_token SET last_used_at = date_trunc('minute', now()) WHERE id = $1`, [found.token_id]);
      }
      holder = found;
    } else {
      return null;
    }
    if (!holder) return null;
    return {
      kind: 'account',
      accountId: holder.account_id,
      credential,
      ...(holder.session_id ? { sessionId: holder.session_id } : {}),
      platformAdmin: holder.platform_admin,
      grants: await grantsOf(db, holder.account_id),
    };
  });
}
