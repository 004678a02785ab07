import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { csrfToken, sessionHeaders, signOut } from './features/auth/session';

/** The one GraphQL client: the gateway that served this page, with the session's cookie and CSRF token. */
export const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error) {
        // The session ended (expired, signed out elsewhere, revoked): back to sign-in.
        if ((error.response as Response | undefined)?.status === 401 && csrfToken()) void signOut();
      },
    }),
    fetchExchange,
  ],
  preferGetMethod: false,
  fetchOptions: () => ({ headers: sessionHeaders() }),
});
