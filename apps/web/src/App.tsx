import { AccountBar } from './features/auth/AccountBar';
import { useSessionToken } from './features/auth/session';
import { SignInPage } from './features/auth/SignInPage';
import { OrganisationsPage } from './features/organisations/OrganisationsPage';

export function App() {
  const token = useSessionToken();
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
      <main id="main" tabIndex={-1}>
        {token ? <OrganisationsPage key={token} /> : <SignInPage />}
      </main>
    </>
  );
}
