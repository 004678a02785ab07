import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { apiTokenHash, apiTokenPrefix, newApiToken } from '../auth/api-token-secret';
import { LIST_SIZES } from '@harbour/graphql-kit';
import { ApiToken } from './api-token.entity';

/** The most live tokens one account may hold. */
export const MAX_API_TOKENS = 20;

/** Makes a token and returns it with the one and only copy of its secret. */
export async function createApiToken(
  db: EntityManager,
  accountId: string,
  input: { name: string; expiresInDays?: number | null },
): Promise<{ token: string; apiToken: ApiToken }> {
  const token = newApiToken();
  const id = randomUUID();
  await db.query(
    `INSERT INTO directory.api_token (id, account_id, name, token_hash, prefix, expires_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(days => $6::int) END)`,
    [id, accountId, input.name.trim(), apiTokenHash(token), apiTokenPrefix(token), input.expiresInDays ?? null],
  );
  return { token, apiToken: (await db.getRepository(ApiToken).findOneBy({ id }))! };
}

/** Live (unrevoked, unexpired) tokens of an account. */
export async function liveTokenCount(db: EntityManager, accountId: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM directory.api_token
     WHERE account_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [accountId],
  );
  return row!.n;
}

/** The account's tokens: live ones first, then the rest, each newest first; at most LIST_SIZES['Account.apiTokens']. */
export function tokensOfAccount(db: EntityManager, accountId: string): Promise<ApiToken[]> {
  return db
    .getRepository(ApiToken)
    .createQueryBuilder('t')
    .where('t.account_id = :accountId', { accountId })
    .orderBy('(t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()))', 'DESC')
    .addOrderBy('t.created_at', 'DESC')
    .addOrderBy('t.id', 'ASC')
    .limit(LIST_SIZES['Account.apiTokens'])
    .getMany();
}

/** Revokes one of the account's tokens; null when it has no such token. */
export async function revokeApiToken(db: EntityManager, accountId: string, id: string): Promise<ApiToken | null> {
  await db.query(`UPDATE directory.api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND account_id = $2`, [id, accountId]);
  return db.getRepository(ApiToken).findOneBy({ id, accountId });
}
