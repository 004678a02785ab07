import { useSyncExternalStore } from 'react';

/**
 * The signed-in session's token. Kept in sessionStorage: it lasts while the tab is open and
 * goes when it closes; other tabs sign in for themselves.
 */
const KEY = 'harbour.session';
const listeners = new Set<() => void>();

export function sessionToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setSessionToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token, re-rendering when it changes. */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribe, sessionToken);
}
