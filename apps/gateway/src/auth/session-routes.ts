import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, CALLER_HEADER, CLIENT_HEADER, describeClient, encodeCaller, GATEWAY_SECRET_HEADER, readBody, REQUEST_ID_HEADER, requestIdOf, requestTarget, sendError, log } from '@harbour/graphql-kit';
import { callerAuth, isRefusal } from './caller-auth';
import { signedInCookies, signedOutCookies } from './session-cookies';

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt } }';
const SIGN_OUT = 'mutation { signOut }';
/** An email and a password, as JSON, with room to spare. */
const MAX_SIGN_IN_BYTES = 4096;

interface Options {
  directoryUrl: string;
  gatewaySecret: string;
  /** Harbour is reached over https: the cookies are Secure. */
  secureCookies: boolean;
}

type DirectoryAnswer = { data?: { signIn?: { token: string; expiresAt: string } | null } | null; errors?: { message: string; extensions?: { code?: string; retryAfter?: unknown } }[] };

/** Asks the directory (which owns accounts, sessions and their audit) as `caller`. */
async function askDirectory(options: Options, req: IncomingMessage, caller: string, query: string, variables?: Record<string, unknown>): Promise<DirectoryAnswer> {
  const response = await fetch(options.directoryUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [GATEWAY_SECRET_HEADER]: options.gatewaySecret,
      [CALLER_HEADER]: caller,
      [CLIENT_HEADER]: describeClient(req),
      [REQUEST_ID_HEADER]: requestIdOf(req),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as DirectoryAnswer;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, BAD_USER_INPUT: 400, FORBIDDEN: 403, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * The web app's sign-in and sign-out, which keep its session in cookies scripts cannot read
 * (session-cookies.ts):
 *
 * - `POST /auth/session` with `{"email", "password"}` signs in through the directory's
 *   `signIn` and sets the cookies; it answers `{"expiresAt"}` and never the token. A refusal
 *   answers with the directory's error (`{"errors": [{message, extensions: {code}}]}`).
 * - `POST /auth/sign-out` (with the CSRF header) ends the session and takes the cookies away.
 *
 * Every other path goes to `next`.
 */
export function sessionRoutes(options: Options, next: (req: IncomingMessage, res: ServerResponse) => void) {
  const verify = callerAuth(options);
  const signIn = async (req: IncomingMessage, res: ServerResponse) => {
    let input: { email?: unknown; password?: unknown };
    try {
      input = JSON.parse(await readBody(req, MAX_SIGN_IN_BYTES)) as typeof input;
    } catch {
      sendError(res, 400, 'BAD_REQUEST', `Send {"email": "…", "password": "…"} as JSON, at most ${MAX_SIGN_IN_BYTES} bytes`);
      return;
    }
    if (typeof input?.email !== 'string' || typeof input.password !== 'string') {
      sendError(res, 400, 'BAD_REQUEST', 'Send {"email": "…", "password": "…"}: both are text');
      return;
    }
    const answer = await askDirectory(options, req, encodeCaller(ANONYMOUS), SIGN_IN, { input: { email: input.email, password: input.password } });
    const signedIn = answer.data?.signIn;
    if (!signedIn) {
      const error = answer.errors?.[0];
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      const retryAfter = error?.extensions?.retryAfter;
      if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
      sendError(res, STATUS_OF[code] ?? 502, code, error?.message ?? 'Harbour could not sign you in just now; try again shortly');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': signedInCookies(signedIn.token, new Date(signedIn.expiresAt), options.secureCookies),
    });
    res.end(JSON.stringify({ expiresAt: signedIn.expiresAt }));
  };
  const signOut = async (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    // Verified as any POST is: a cookie's session needs its CSRF token.
    const verified = await verify(req);
    if (isRefusal(verified) && verified.code === 'CSRF_TOKEN_INVALID') {
      sendError(res, verified.status, verified.code, verified.message);
      return;
    }
    // A session that has already ended (or none) has nothing to end: the cookies still go.
    if (!isRefusal(verified) && verified.signedIn) await askDirectory(options, req, verified.header, SIGN_OUT);
    res.writeHead(204, { 'cache-control': 'no-store', 'set-cookie': signedOutCookies(options.secureCookies) });
    res.end();
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = requestTarget(req)?.pathname;
    const route = pathname === '/auth/session' ? signIn : pathname === '/auth/sign-out' ? signOut : null;
    if (!route) {
      next(req, res);
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    route(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'signing in or out failed');
      if (!res.headersSent) sendError(res, 503, 'SERVICE_UNAVAILABLE', 'Harbour cannot sign you in or out just now; try again shortly');
    });
  };
}
