import type { ReactNode } from 'react';
import { navigate, type Route } from './router';

/** A link between the app's pages: a real link (new tab works), followed without a reload. */
export function Link({ to, search = '', children, current }: { to: Route; search?: string; children: ReactNode; current?: boolean }) {
  return (
    <a
      href={to + search}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to, search);
      }}
    >
      {children}
    </a>
  );
}
