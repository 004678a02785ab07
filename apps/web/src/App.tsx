import { OrganisationsPage } from './features/organisations/OrganisationsPage';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <p className="brand">Harbour</p>
        <p className="tagline">Belonging and onboarding for staff in new NHS roles</p>
      </header>
      <main id="main" tabIndex={-1}>
        <OrganisationsPage />
      </main>
    </>
  );
}
