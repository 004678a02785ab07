import { useSyncExternalStore } from 'react';

/** The app's pages, by path. */
export const ROUTES = {
  '/': 'Organisations',
  '/tree': 'Organisation tree',
  '/surveys': 'Surveys',
  '/campaigns': 'Campaigns',
  '/outbox': 'Outbox',
  '/survey-page': 'Survey page',
  '/reports': 'Reports',
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

/** Goes to a page (with a query string such as `?survey=<id>`) without reloading. */
export function navigate(route: Route, search = ''): void {
  if (route === currentRoute() && search === window.location.search) return;
  window.history.pushState(null, '', route + search);
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

/** One parameter of the page's query string, e.g. the survey a campaign is planned for. */
export function searchParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}
