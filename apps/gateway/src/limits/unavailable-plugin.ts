import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from '@harbour/graphql-kit';

/**
 * A response with nothing in it but SERVICE_UNAVAILABLE errors (every root field null) goes out
 * as HTTP 503 with Retry-After, so clients and load balancers back off; a response with some
 * data stays 200 and says, per field, what could not be had.
 */
export function unavailablePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || !errors.every(isServiceUnavailable)) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
