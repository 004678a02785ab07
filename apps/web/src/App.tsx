import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Link } from './app/Link';
import { ROUTES, useRoute, type Route } from './app/router';
import { useAccessLoaded, useWorkingOrganisation, WorkingOrganisationProvider } from './app/working-organisation';
import { AccountPage } from './features/account/AccountPage';
import { AuditPage } from './features/audit/AuditPage';
import { CampaignsPage } from './features/campaigns/CampaignsPage';
import { AccountBar } from './features/auth/AccountBar';
import { useSession } from './features/auth/session';
import { SignInPage } from './features/auth/SignInPage';
import { CataloguesPage } from './features/catalogues/CataloguesPage';
import { OrganisationsPage } from './features/organisations/OrganisationsPage';
import { OutboxPage } from './features/outbox/OutboxPage';
import { PeoplePage } from './features/people/PeoplePage';
import { ReportsPage } from './features/reports/ReportsPage';
import { ImportStaffPage } from './features/staff/ImportStaffPage';
import { StaffPage } from './features/staff/StaffPage';
import { SurveyPageSettings } from './features/survey-page/SurveyPageSettings';
import { TokensPage } from './features/tokens/TokensPage';
import { TreePage } from './features/tree/TreePage';

// The studio brings SurveyJS (most of the app's weight): loaded only when its page opens.
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage').then((m) => ({ default: m.SurveysPage })));

const PAGES: Record<Route, ComponentType> = {
  '/': OrganisationsPage,
  '/tree': TreePage,
  '/surveys': SurveysPage,
  '/campaigns': CampaignsPage,
  '/outbox': OutboxPage,
  '/survey-page': SurveyPageSettings,
  '/reports': ReportsPage,
  '/staff': StaffPage,
  '/staff/import': ImportStaffPage,
  '/catalogues': CataloguesPage,
  '/people': PeoplePage,
  '/tokens': TokensPage,
  '/audit': AuditPage,
  '/account': AccountPage,
};

/** Pages only managers (trust admins) can use. */
const MANAGERS_ONLY: ReadonlySet<Route> = new Set(['/surveys', '/campaigns', '/outbox', '/survey-page', '/staff', '/staff/import', '/people', '/audit']);

function Navigation({ route }: { route: Route }) {
  const organisation = useWorkingOrganisation();
  const loaded = useAccessLoaded();
  // Drawn once the caller's access is known, so links do not move under a pointer.
  if (!loaded) return <nav className="site-nav" aria-label="Harbour" aria-busy="true" />;
  const routes = (Object.keys(ROUTES) as Route[]).filter((r) => organisation?.manages || !MANAGERS_ONLY.has(r));
  return (
    <nav className="site-nav" aria-label="Harbour">
      <ul>
        {routes.map((r) => (
          <li key={r}>
            <Link to={r} current={r === route}>
              {ROUTES[r]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SignedIn() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${ROUTES[route]} · Harbour`;
    // After a move between pages, put focus where a screen reader user expects: the new page.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);
  const Page = PAGES[route];
  return (
    <WorkingOrganisationProvider>
      <Navigation route={route} />
      <main id="main" tabIndex={-1} ref={main}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Page />
        </Suspense>
      </main>
    </WorkingOrganisationProvider>
  );
}

export function App() {
  // Keyed by the session: a new sign-in starts the app afresh, with nothing of the last one's.
  const token = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div>
          <p className="brand">Harbour</p>
          <p className="tagline">Belonging and onboarding for staff in new NHS roles</p>
        </div>
        {token && <AccountBar key={token} />}
      </header>
      {token ? (
        <SignedIn key={token} />
      ) : (
        <main id="main" tabIndex={-1}>
          <SignInPage />
        </main>
      )}
    </>
  );
}
