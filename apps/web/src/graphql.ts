import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

/** Typed GraphQL documents, checked against schema/api.graphql. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Custom scalars as they arrive in JSON.
  scalars: { DateTimeISO: string; JSONObject: Record<string, unknown> };
}>();
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
