import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, encodeCaller, GATEWAY_SECRET_HEADER, log, type Refusal } from '@harbour/graphql-kit';
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
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: options.gatewaySecret },
        body: JSON.stringify({ token }),
      });
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'the directory could not verify a token');
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Harbour cannot check sign-ins just now; try again shortly' };
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return unauthenticated('The token is unknown, expired, revoked or signed out: sign in again');
    }
    if (!response.ok) {
      log.warn({ status: response.status }, 'the directory could not verify a token');
      await response.body?.cancel();
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Harbour cannot check sign-ins just now; try again shortly' };
    }
    const { caller } = (await response.json()) as { caller: string };
    return { header: caller, signedIn: true };
  };
}

export function isRefusal(value: VerifiedCaller | Refusal): value is Refusal {
  return 'status' in value;
}
