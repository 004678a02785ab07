import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

/** Typed GraphQL documents, checked against schema/api.graphql. */
export const graphql = initGraphQLTada<{ introspection: introspection }>();
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
