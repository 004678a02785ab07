import type { IncomingMessage } from 'node:http';
import Tokens from '@fastify/csrf';
import { parse, serialize } from 'cookie';

/**
 * The web app's session lives in cookies, not in anything a script can read:
 *
 * - `harbour_session`: the session token, HttpOnly, SameSite=Strict (Secure behind https);
 * - `harbour_csrf_secret`: the secret the CSRF token is made from, HttpOnly as well;
 * - `harbour_csrf`: the CSRF token, which the app (and only a page of this origin) reads and
 *   sends back as the `x-harbour-csrf` header on every GraphQL POST. It is made from the secret
 *   and bound to the session (@fastify/csrf, the pillarjs design), so a page on another site,
 *   which can neither read the cookie nor set the header, cannot act with the session.
 *
 * Scripts and API tokens send `Authorization: Bearer` instead and need none of this.
 */
export const SESSION_COOKIE = 'harbour_session';
export const CSRF_SECRET_COOKIE = 'harbour_csrf_secret';
export const CSRF_COOKIE = 'harbour_csrf';
export const CSRF_HEADER = 'x-harbour-csrf';

const tokens = new Tokens({ userInfo: true });

function cookiesOf(req: IncomingMessage): Record<string, string | undefined> {
  return req.headers.cookie ? parse(req.headers.cookie) : {};
}

/** The session token the request's cookie carries, if any. */
export function sessionFromCookie(req: IncomingMessage): string | undefined {
  return cookiesOf(req)[SESSION_COOKIE] || undefined;
}

/** True when the request carries the CSRF token made for its session's cookies. */
export function csrfHolds(req: IncomingMessage, session: string): boolean {
  const secret = cookiesOf(req)[CSRF_SECRET_COOKIE];
  const header = req.headers[CSRF_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  return !!secret && !!token && tokens.verify(secret, token, session);
}

/** The Set-Cookie headers that sign a browser in with `session` until `expiresAt`. */
export function signedInCookies(session: string, expiresAt: Date, secure: boolean): string[] {
  const secret = tokens.secretSync();
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  const base = { path: '/', sameSite: 'strict' as const, secure, maxAge };
  return [
    serialize(SESSION_COOKIE, session, { ...base, httpOnly: true }),
    serialize(CSRF_SECRET_COOKIE, secret, { ...base, httpOnly: true }),
    serialize(CSRF_COOKIE, tokens.create(secret, session), base),
  ];
}

/** The Set-Cookie headers that take all three away. */
export function signedOutCookies(secure: boolean): string[] {
  return [SESSION_COOKIE, CSRF_SECRET_COOKIE, CSRF_COOKIE].map((name) =>
    serialize(name, '', { path: '/', sameSite: 'strict', secure, httpOnly: name !== CSRF_COOKIE, maxAge: 0 }),
  );
}
