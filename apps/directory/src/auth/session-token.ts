import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@harbour/graphql-kit';

/** Session tokens read `hs1.<payload>.<signature>`: base64url JSON `{ sid, exp }`, HMAC-SHA256 signed. */
const PREFIX = 'hs1';

export interface SessionClaims {
  sessionId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${payload}`).digest('base64url');
}

export function signSessionToken(secret: string, claims: SessionClaims): string {
  const payload = Buffer.from(JSON.stringify({ sid: claims.sessionId, exp: claims.expiresAt })).toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload)}`;
}

/** The claims of a well-signed, unexpired token; null for anything else. */
export function verifySessionToken(secret: string, token: string, nowSeconds = Date.now() / 1000): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sid?: unknown; exp?: unknown };
    if (typeof claims.sid !== 'string' || !isUuid(claims.sid) || typeof claims.exp !== 'number') return null;
    if (claims.exp <= nowSeconds) return null;
    return { sessionId: claims.sid, expiresAt: claims.exp };
  } catch {
    return null;
  }
}

export function isSessionToken(token: string): boolean {
  return token.startsWith(`${PREFIX}.`);
}
