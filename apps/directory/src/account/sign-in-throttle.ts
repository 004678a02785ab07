import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { ErrorCode, HarbourError } from '@harbour/graphql-kit';

/**
 * How failed sign-ins are slowed (OWASP's pattern, rate-limiter-flexible's limiters over one
 * PostgreSQL table): by email and client address together, so an attacker never locks the
 * right password out for someone signing in from elsewhere, and by client address alone, so
 * one client cannot try many accounts. A known email and an unknown one are counted and
 * answered alike.
 */
export const SIGN_IN_THROTTLE = {
  /** Failed sign-ins in a row, for one email from one client address, before that pair waits. */
  failsInARow: 5,
  /** How long that pair then waits, in seconds; after it, the count starts again (5 tries more). */
  pairWaitSeconds: 60,
  /** Failed sign-ins from one client address, for any emails, within an hour, before it waits. */
  failsPerClientPerHour: 100,
  /** How long that client then waits, in seconds. */
  clientWaitSeconds: 15 * 60,
} as const;

interface Limiters {
  pair: RateLimiterPostgres;
  client: RateLimiterPostgres;
}

const made = new WeakMap<DataSource, Limiters>();

function limitersOf(dataSource: DataSource): Limiters {
  let limiters = made.get(dataSource);
  if (!limiters) {
    const common = { storeClient: dataSource, storeType: 'typeorm', schemaName: 'directory', tableName: 'sign_in_throttle', tableCreated: true, clearExpiredByTimeout: false };
    // Each try is counted before its password is checked; a limiter blocks on the first consume over its points.
    limiters = {
      pair: new RateLimiterPostgres({ ...common, keyPrefix: 'pair', points: SIGN_IN_THROTTLE.failsInARow, duration: 24 * 3600, blockDuration: SIGN_IN_THROTTLE.pairWaitSeconds }),
      client: new RateLimiterPostgres({ ...common, keyPrefix: 'client', points: SIGN_IN_THROTTLE.failsPerClientPerHour, duration: 3600, blockDuration: SIGN_IN_THROTTLE.clientWaitSeconds }),
    };
    made.set(dataSource, limiters);
  }
  return limiters;
}

/** Keys hold no email or address in the clear. */
const hashed = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** The client's address from the gateway's description of it ("address user-agent"). */
export const addressOf = (client: string | undefined) => client?.split(' ')[0] || 'unknown';

/** Thrown while a client (or a client and email together) must wait: TOO_MANY_REQUESTS with retryAfter seconds. */
function waitError(ms: number): HarbourError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new HarbourError(ErrorCode.TOO_MANY_REQUESTS, `Too many wrong passwords from here: try again in ${seconds} seconds`, { retryAfter: seconds });
}

/**
 * Counts a try for this email from this client, and for this client, before any password is
 * checked; refuses (waitError) when either must wait. Counting first is what makes the limit
 * hold against concurrent guesses: twenty at once from one client are twenty counts, and only
 * the first five are checked. A try that signs in is given back (forgiveTry).
 */
export async function takeTry(dataSource: DataSource, email: string, client: string | undefined): Promise<void> {
  const { pair, client: byClient } = limitersOf(dataSource);
  const address = addressOf(client);
  const results = await Promise.allSettled([pair.consume(hashed(email, address)), byClient.consume(hashed(address))]);
  let wait = 0;
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    wait = Math.max(wait, result.reason.msBeforeNext);
  }
  if (wait > 0) throw waitError(wait);
}

/** A try that signed in: the pair starts again from nothing, and the client's try is given back. */
export async function forgiveTry(dataSource: DataSource, email: string, client: string | undefined): Promise<void> {
  const { pair, client: byClient } = limitersOf(dataSource);
  const address = addressOf(client);
  await Promise.all([pair.delete(hashed(email, address)), byClient.reward(hashed(address), 1)]);
}
