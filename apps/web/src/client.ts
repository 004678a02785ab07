import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { sessionToken, setSessionToken } from './features/auth/session';

/** The one GraphQL client: the gateway that served this page, with the session's token. */
export const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error) {
        // The session ended (expired, signed out elsewhere, revoked): back to sign-in.
        if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && sessionToken()) setSessionToken(null);
      },
    }),
    fetchExchange,
  ],
  preferGetMethod: false,
  fetchOptions: () => {
    const token = sessionToken();
    return token ? { headers: { authorization: `Bearer ${token}` } } : {};
  },
});
