import { Client, fetchExchange } from 'urql';

/**
 * The respondent's GraphQL client: no session (not even the cookie of an admin signed in on the
 * same browser), no cache; the link's token travels in each operation.
 */
export const respondentClient = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: { credentials: 'omit' },
});
