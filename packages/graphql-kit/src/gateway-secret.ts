import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header the gateway sets on every subgraph request. */
export const GATEWAY_SECRET_HEADER = 'x-harbour-gateway-secret';

export type SecretCheck = 'ok' | 'missing' | 'wrong';

/** Compares in constant time (hashing first so lengths never leak). */
export function checkGatewaySecret(given: string | string[] | undefined, expected: string): SecretCheck {
  const value = Array.isArray(given) ? given[0] : given;
  if (!value) return 'missing';
  const a = createHash('sha256').update(value).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) ? 'ok' : 'wrong';
}

/** A fresh secret for one run of the platform. */
export function newGatewaySecret(): string {
  return randomBytes(32).toString('base64url');
}
