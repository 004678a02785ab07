import { Client, fetchExchange } from 'urql';

/** The respondent's GraphQL client: no session, no cache; the link's token travels in each operation. */
export const respondentClient = new Client({ url: '/graphql', exchanges: [fetchExchange], preferGetMethod: false, requestPolicy: 'network-only' });
