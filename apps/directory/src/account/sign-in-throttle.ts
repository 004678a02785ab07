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
    // A limiter blocks when a consume goes over its points: one fewer than the failures allowed, so the last allowed one starts the wait.
    limiters = {
      pair: new RateLimiterPostgres({ ...common, keyPrefix: 'pair', points: SIGN_IN_THROTTLE.failsInARow - 1, duration: 24 * 3600, blockDuration: SIGN_IN_THROTTLE.pairWaitSeconds }),
      client: new RateLimiterPostgres({ ...common, keyPrefix: 'client', points: SIGN_IN_THROTTLE.failsPerClientPerHour - 1, duration: 3600, blockDuration: SIGN_IN_THROTTLE.clientWaitSeconds }),
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
  return new HarbourError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins from here: try again in ${seconds} seconds`, { retryAfter: seconds });
}

/** Whether a limiter's state is a wait (blocked: consumed over its points, until the block ends). */
const blocked = (res: RateLimiterRes | null, limiter: RateLimiterPostgres) => res !== null && res.consumedPoints > limiter.points && res.msBeforeNext > 0;

/** Refuses (waitError) when this email from this client, or this client at all, must wait; before any password is checked. */
export async function checkThrottle(dataSource: DataSource, email: string, client: string | undefined): Promise<void> {
  const { pair, client: byClient } = limitersOf(dataSource);
  const address = addressOf(client);
  const [p, c] = await Promise.all([pair.get(hashed(email, address)), byClient.get(hashed(address))]);
  const waits = [blocked(p, pair) ? p!.msBeforeNext : 0, blocked(c, byClient) ? c!.msBeforeNext : 0];
  const wait = Math.max(...waits);
  if (wait > 0) throw waitError(wait);
}

/** Counts a failed sign-in for the pair and the client. */
export async function countFailure(dataSource: DataSource, email: string, client: string | undefined): Promise<void> {
  const { pair, client: byClient } = limitersOf(dataSource);
  const address = addressOf(client);
  // Going over a limit rejects with the limiter's result: the wait starts, and is told on the next try.
  await Promise.all([pair.consume(hashed(email, address)).catch(passLimit), byClient.consume(hashed(address)).catch(passLimit)]);
}

/** A signed-in pair starts again from nothing. */
export async function clearFailures(dataSource: DataSource, email: string, client: string | undefined): Promise<void> {
  await limitersOf(dataSource).pair.delete(hashed(email, addressOf(client)));
}

function passLimit(error: unknown): void {
  if (!(error instanceof RateLimiterRes)) throw error;
}
