import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, encodeCaller, GATEWAY_SECRET_HEADER, log, REQUEST_ID_HEADER, requestIdOf, type Refusal } from '@harbour/graphql-kit';
import { CSRF_COOKIE, CSRF_HEADER, csrfHolds, sessionFromCookie } from './session-cookies';

/** What the gateway sends the subgraphs for a caller: the encoded caller header. */
export interface VerifiedCaller {
  header: string;
  signedIn: boolean;
}

const ANONYMOUS_HEADER = encodeCaller(ANONYMOUS);
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

function unauthenticated(message: string): Refusal {
  return { status: 401, code: 'UNAUTHENTICATED', message };
}

/**
 * While the directory's process is down (its port refuses or drops the connection), a token it
 * verified within this long is taken as it was then (its grants too): signed-in people keep
 * working while the directory restarts. The price: a token revoked or signed out in that time
 * works until the directory is back, for at most this long after its last check. Whenever the
 * directory answers (a refusal, or busy, or slow past VERIFY_TIMEOUT_MS) it alone decides:
 * nobody can make the gateway trust old verifications by keeping the directory busy.
 */
export const STALE_VERIFICATION_MS = 5 * 60_000;
/** Longest wait for the directory's verdict on a token: then 503, never an old verification. */
export const VERIFY_TIMEOUT_MS = 5000;
/** What undici says when nothing listens, or the connection was cut: the directory's process is down. */
const PROCESS_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const processDown = (error: unknown) => PROCESS_DOWN.has(String((error as { cause?: { code?: unknown } }).cause?.code));
/** Tokens remembered for that, the least recently verified forgotten first. */
export const REMEMBERED_VERIFICATIONS = 10_000;

/** The last verification of each recent token (by the token's SHA-256), oldest first. */
class LastVerifications {
  private readonly byToken = new Map<string, { header: string; at: number }>();

  private key(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  remember(token: string, header: string): void {
    const key = this.key(token);
    this.byToken.delete(key);
    this.byToken.set(key, { header, at: Date.now() });
    if (this.byToken.size > REMEMBERED_VERIFICATIONS) this.byToken.delete(this.byToken.keys().next().value!);
  }

  forget(token: string): void {
    this.byToken.delete(this.key(token));
  }

  /** The caller header of a verification within STALE_VERIFICATION_MS, with its age; else undefined. */
  recent(token: string): { header: string; ageMs: number } | undefined {
    const last = this.byToken.get(this.key(token));
    const ageMs = last ? Date.now() - last.at : Infinity;
    return last && ageMs <= STALE_VERIFICATION_MS ? { header: last.header, ageMs } : undefined;
  }
}

/** Methods that change nothing: a cookie's session may be used without the CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Verifies the caller once per request: a bearer token (session or API token) in the
 * Authorization header, or else the web app's session cookie; neither is an anonymous caller.
 * A cookie's session acts on a POST only with the CSRF token made for it (403
 * CSRF_TOKEN_INVALID otherwise), so another site's page cannot act with it. The token is
 * checked by the directory, which owns accounts, and one it does not know is refused with 401
 * before any GraphQL runs.
 */
export function callerAuth(options: { directoryUrl: string; gatewaySecret: string }) {
  const endpoint = new URL('/internal/caller', options.directoryUrl).toString();
  const last = new LastVerifications();
  const unreachable = (token: string, why: Record<string, unknown>, down: boolean): VerifiedCaller | Refusal => {
    const recent = down ? last.recent(token) : undefined;
    if (recent) {
      log.warn({ ...why, verifiedSecondsAgo: Math.round(recent.ageMs / 1000) }, 'the directory could not verify a token: taking its last verification');
      return { header: recent.header, signedIn: true };
    }
    log.warn(why, 'the directory could not verify a token');
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Harbour cannot check sign-ins just now; try again shortly' };
  };
  return async function verify(req: IncomingMessage): Promise<VerifiedCaller | Refusal> {
    const authorization = req.headers.authorization;
    let token: string | undefined;
    if (authorization) {
      token = BEARER.exec(authorization)?.[1];
      if (!token) return unauthenticated('The Authorization header must be "Bearer <token>"');
    } else {
      token = sessionFromCookie(req);
      if (!token) return { header: ANONYMOUS_HEADER, signedIn: false };
      if (!SAFE_METHODS.has(req.method ?? 'GET') && !csrfHolds(req, token)) {
        return { status: 403, code: 'CSRF_TOKEN_INVALID', message: `A signed-in browser must send the ${CSRF_HEADER} header with the ${CSRF_COOKIE} cookie's value` };
      }
    }
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: options.gatewaySecret, [REQUEST_ID_HEADER]: requestIdOf(req) },
        body: JSON.stringify({ token }),
        signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
      });
    } catch (error) {
      return unreachable(token, { reason: (error as Error).message }, processDown(error));
    }
    if (response.status === 401) {
      await response.body?.cancel();
      last.forget(token);
      return unauthenticated('The token is unknown, expired, revoked or signed out: sign in again');
    }
    if (!response.ok) {
      await response.body?.cancel();
      return unreachable(token, { status: response.status }, false);
    }
    const { caller } = (await response.json()) as { caller: string };
    last.remember(token, caller);
    return { header: caller, signedIn: true };
  };
}

export function isRefusal(value: VerifiedCaller | Refusal): value is Refusal {
  return 'status' in value;
}
