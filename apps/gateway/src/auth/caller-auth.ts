import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, encodeCaller, GATEWAY_SECRET_HEADER, type Refusal } from '@harbour/graphql-kit';

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
 * Verifies the caller once per request: no Authorization header is an anonymous caller; a
 * bearer token (session or API token) is checked by the directory, which owns accounts,
 * and a token it does not know is refused with 401 before any GraphQL runs.
 */
export function callerAuth(options: { directoryUrl: string; gatewaySecret: string }) {
  const endpoint = new URL('/internal/caller', options.directoryUrl).toString();
  return async function verify(req: IncomingMessage): Promise<VerifiedCaller | Refusal> {
    const authorization = req.headers.authorization;
    if (!authorization) return { header: ANONYMOUS_HEADER, signedIn: false };
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return unauthenticated('The Authorization header must be "Bearer <token>"');
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: options.gatewaySecret },
        body: JSON.stringify({ token }),
      });
    } catch (error) {
      console.error('[gateway] the directory could not verify a token:', error);
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Harbour cannot check sign-ins just now; try again shortly' };
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return unauthenticated('The token is unknown, expired, revoked or signed out: sign in again');
    }
    if (!response.ok) {
      console.error(`[gateway] the directory answered ${response.status} when verifying a token`);
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
