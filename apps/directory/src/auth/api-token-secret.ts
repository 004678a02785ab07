import { createHash, randomBytes } from 'node:crypto';

/** API tokens read `hbt_<43 base64url characters>`: 256 random bits. */
const PREFIX = 'hbt_';

export function newApiToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function isApiToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.length === PREFIX.length + 43;
}

/** What is stored: the token's SHA-256, never the token. */
export function apiTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Shown beside a token so its owner can tell tokens apart: the prefix and 4 characters. */
export function apiTokenPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 4);
}
