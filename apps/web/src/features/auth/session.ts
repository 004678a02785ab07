import { useSyncExternalStore } from 'react';

/**
 * The browser's session. Its token lives in an HttpOnly cookie the gateway sets at sign-in,
 * which no script (ours or one that got in) can read; every tab of this origin shares it. What
 * scripts see is the CSRF token cookie, sent back as a header on every GraphQL POST, and whose
 * presence says that this browser is signed in. See apps/gateway/src/auth/session-cookies.ts.
 */
const CSRF_COOKIE = 'harbour_csrf';
const CSRF_HEADER = 'x-harbour-csrf';
const listeners = new Set<() => void>();

/** The CSRF token of this browser's session, or null when it is signed out. */
export function csrfToken(): string | null {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) || null : null;
}

/** The headers a signed-in browser sends with each GraphQL request. */
export function sessionHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

function changed(): void {
  for (const listener of listeners) listener();
}

/** Signs in; resolves with null, or with the problem to show. */
export async function signIn(email: string, password: string): Promise<string | null> {
  try {
    const response = await fetch('/auth/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (response.ok) {
      // Read to the end: the request stays open (and the page busy) until its body is read.
      await response.text();
      changed();
      return null;
    }
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    return body?.errors?.[0]?.message ?? `Harbour could not sign you in (${response.status}). Try again.`;
  } catch {
    return 'Harbour could not be reached. Try again.';
  }
}

/** Ends the session (when it has not ended already) and forgets it in every tab. */
export async function signOut(): Promise<void> {
  await fetch('/auth/sign-out', { method: 'POST', headers: sessionHeaders() }).catch(() => undefined);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab signing in or out changes the cookies: look again when this tab comes back.
  window.addEventListener('focus', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('focus', listener);
  };
}

/** This browser's session's CSRF token (null when signed out), re-rendering when it changes. */
export function useSession(): string | null {
  return useSyncExternalStore(subscribe, csrfToken);
}
