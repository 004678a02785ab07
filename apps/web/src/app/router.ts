import { useSyncExternalStore } from 'react';

/** The app's pages, by path. */
export const ROUTES = {
  '/': 'Organisations',
  '/tree': 'Organisation tree',
  '/surveys': 'Surveys',
  '/staff': 'Staff',
  '/staff/import': 'Import staff',
  '/catalogues': 'Roles and settings',
  '/people': 'People and access',
  '/tokens': 'API tokens',
  '/audit': 'Audit log',
  '/account': 'Your account',
} as const;
export type Route = keyof typeof ROUTES;

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function currentRoute(): Route {
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  return (path in ROUTES ? path : '/') as Route;
}

/** Goes to a page without reloading, and moves focus to its heading for screen readers. */
export function navigate(route: Route): void {
  if (route === currentRoute()) return;
  window.history.pushState(null, '', route);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentRoute,
  );
}
