import { Algorithm, hash, verify } from '@node-rs/argon2';
import { serviceUnavailable } from '@harbour/graphql-kit';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** A problem with a new password, or null when it will do. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/** An argon2id PHC string for the password; the password itself is never kept. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Password checks running at once (each holds 19 MiB and a core), and how many may wait for one. */
export const HASHING = { atOnce: 2, waiting: 256 } as const;
let running = 0;
const queue: (() => void)[] = [];

/**
 * Runs `work` when fewer than HASHING.atOnce checks are running; a storm of sign-ins waits its
 * turn here, holding no database connection. Beyond HASHING.waiting in line, refuses at once.
 */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < HASHING.atOnce) running++;
  else {
    if (queue.length >= HASHING.waiting) throw serviceUnavailable('Harbour is busy signing people in: try again in a few seconds');
    // Woken with the slot of the check that finished.
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

/** True when `password` matches `stored`; with no stored hash, does the same work and returns false. */
export function checkPassword(stored: string | null, password: string): Promise<boolean> {
  return inTurn(async () => {
    if (!stored) {
      decoy ??= hashPassword('harbour-decoy-password');
      await verify(await decoy, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  });
}
