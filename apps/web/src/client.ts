import { Client, cacheExchange, fetchExchange } from 'urql';

/** The one GraphQL client: the gateway that served this page. */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
});
