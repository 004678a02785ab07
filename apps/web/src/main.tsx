import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

// A personal link (/s/<token>) loads the respondent's page alone: no admin pages, sign-in or charts.
const link = /^\/s\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
if (link) {
  void import('./respondent/RespondentApp').then(({ RespondentApp }) => render(<RespondentApp token={link[1]!} />));
} else {
  void import('./AdminRoot').then(({ AdminRoot }) => render(<AdminRoot />));
}
