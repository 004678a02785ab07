import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { decodeCursor, ErrorCode, HarbourError, pageFrom, type Page } from '@harbour/graphql-kit';
import { signingKey } from '../auth/signing-key';
import { signSessionToken } from '../auth/session-token';
import { Account } from './account.entity';
import { checkPassword, hashPassword, passwordProblem } from './password';
import { forgiveTry, takeTry } from './sign-in-throttle';

/** How long a session lasts from sign-in. */
export const SESSION_HOURS = 12;
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function badInput(field: string, message: string): HarbourError {
  return new HarbourError(ErrorCode.BAD_USER_INPUT, message, { field });
}

const WRONG = 'The email or password is not right';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  account: Account;
}

/**
 * Checks an email and password and starts a session. Throttled first (sign-in-throttle.ts:
 * each try counted, by email and client address and by address, before its password is checked), alike for known and unknown emails;
 * the account is read and the password checked (in turn, HASHING.atOnce at a time) before the
 * request's transaction takes a connection, so a storm of sign-ins holds none of the pool
 * while it waits. A wrong email costs the same time as a wrong password.
 */
export async function signIn(
  db: EntityManager,
  email: string,
  password: string,
  /** The client as the gateway describes it ("address user-agent"), for throttling. */
  client: string | undefined,
  /** Told of a refused sign-in (with the account, when the email is known), outside the request's transaction. */
  onRefused: (accountId: string | null, why: 'throttled' | 'wrong') => Promise<void> = async () => undefined,
): Promise<SignedIn> {
  const subject = normaliseEmail(email);
  const pool = db.connection;
  try {
    await takeTry(pool, subject, client);
  } catch (error) {
    await onRefused(null, 'throttled');
    throw error;
  }
  // Read with a connection of its own, for this statement alone: none is held while the password is checked.
  const [identity]: { id: string; account_id: string; secret_hash: string }[] = await pool.query(
    `SELECT i.id, i.account_id, i.secret_hash
     FROM directory.account_identity i JOIN directory.account a ON a.id = i.account_id
     WHERE i.provider = 'password' AND i.subject = $1 AND a.disabled_at IS NULL`,
    [subject],
  );
  if (!(await checkPassword(identity?.secret_hash ?? null, password))) {
    await onRefused(identity?.account_id ?? null, 'wrong');
    throw new HarbourError(ErrorCode.UNAUTHENTICATED, WRONG);
  }
  await forgiveTry(pool, subject, client);
  await db.query(`UPDATE directory.account_identity SET last_used_at = now() WHERE id = $1`, [identity!.id]);
  const sessionId = randomUUID();
  const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + SESSION_HOURS * 3600_000);
  await db.query(`INSERT INTO directory.session (id, account_id, identity_id, expires_at) VALUES ($1, $2, $3, $4)`, [
    sessionId,
    identity!.account_id,
    identity!.id,
    expiresAt,
  ]);
  const token = signSessionToken(await signingKey(db), { sessionId, expiresAt: expiresAt.getTime() / 1000 });
  const account = (await db.getRepository(Account).findOneBy({ id: identity!.account_id }))!;
  return { token, expiresAt, account };
}

/** Ends a session; true when it was still open. */
export async function signOut(db: EntityManager, sessionId: string): Promise<boolean> {
  const result: [unknown[], number] = await db.query(
    `UPDATE directory.session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`,
    [sessionId],
  );
  return result[1] > 0;
}

/** Makes an account with a password identity. */
export async function createAccount(
  db: EntityManager,
  input: { email: string; displayName: string; password: string; platformAdmin?: boolean },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password);
  if (problem) throw badInput('password', `The password ${problem}`);
  const taken: unknown[] = await db.query(`SELECT 1 FROM directory.account WHERE email = $1`, [email]);
  if (taken.length) throw badInput('email', `An account with the email ${email} already exists`);
  const id = randomUUID();
  await db.query(`INSERT INTO directory.account (id, email, display_name, platform_admin) VALUES ($1, $2, $3, $4)`, [
    id,
    email,
    input.displayName.trim(),
    input.platformAdmin ?? false,
  ]);
  await db.query(
    `INSERT INTO directory.account_identity (id, account_id, provider, subject, secret_hash) VALUES ($1, $2, 'password', $3, $4)`,
    [randomUUID(), id, email, await hashPassword(input.password)],
  );
  return (await db.getRepository(Account).findOneBy({ id }))!;
}

/** Changes an account's password after checking the current one; ends its other sessions. */
/**
 * Changes an account's password, given its current one. Throttled as sign-in is (a stolen
 * session must not become a way to guess the password): each try is counted for the account
 * and client address before the current password is checked.
 */
export async function changePassword(db: EntityManager, accountId: string, sessionId: string | undefined, current: string, next: string, client: string | undefined): Promise<void> {
  const subject = `password change ${accountId}`;
  await takeTry(db.connection, subject, client);
  const [identity]: { id: string; secret_hash: string }[] = await db.query(
    `SELECT id, secret_hash FROM directory.account_identity WHERE account_id = $1 AND provider = 'password'`,
    [accountId],
  );
  if (!identity || !(await checkPassword(identity.secret_hash, current))) throw badInput('currentPassword', 'The current password is not right');
  const problem = passwordProblem(next);
  await forgiveTry(db.connection, subject, client);
  if (problem) throw badInput('newPassword', `The new password ${problem}`);
  await db.query(`UPDATE directory.account_identity SET secret_hash = $2 WHERE id = $1`, [identity.id, await hashPassword(next)]);
  await db.query(`UPDATE directory.session SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $2`, [
    accountId,
    sessionId ?? null,
  ]);
}

export function accountsByIds(db: EntityManager, ids: readonly string[]): Promise<Account[]> {
  return db.getRepository(Account).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
}

/** Accounts holding a grant anywhere in an organisation's subtree, by email, a page at a time. */
export async function accountsWithGrantsIn(
  db: EntityManager,
  filter: { organisationId: string; first: number; after?: string | null; search?: string | null },
): Promise<Page<Account>> {
  const query = db
    .getRepository(Account)
    .createQueryBuilder('a')
    .where(
      `EXISTS (SELECT 1 FROM directory.access_grant g JOIN directory.organisation_closure c ON c.descendant_id = g.organisation_id
               WHERE g.account_id = a.id AND c.ancestor_id = :org)`,
      { org: filter.organisationId },
    )
    .orderBy('a.email')
    .addOrderBy('a.id')
    .limit(filter.first + 1);
  if (filter.search?.trim()) {
    const search = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.andWhere('(a.email ILIKE :search OR a.display_name ILIKE :search)', { search });
  }
  if (filter.after) {
    const [email, id] = decodeCursor(filter.after, ['text', 'uuid']);
    query.andWhere('(a.email, a.id) > (:email, :id)', { email, id });
  }
  return pageFrom(await query.getMany(), filter.first, (a) => [a.email, a.id]);
}
