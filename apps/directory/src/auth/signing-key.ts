import type { EntityManager } from 'typeorm';

let cached: Promise<string> | undefined;

/**
 * The key session tokens are signed with: HARBOUR_SESSION_SECRET when set, else the random
 * one the directory's migration made. Read once per process.
 */
export function signingKey(db: EntityManager): Promise<string> {
  const fromEnv = process.env.HARBOUR_SESSION_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  cached ??= db
    .query(`SELECT secret FROM directory.signing_key ORDER BY id DESC LIMIT 1`)
    .then((rows: { secret: string }[]) => {
      if (!rows[0]) throw new Error('directory.signing_key is empty: run the migrations');
      return rows[0].secret;
    })
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}
