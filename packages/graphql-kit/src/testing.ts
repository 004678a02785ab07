import type { ApolloServer } from '@apollo/server';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { HarbourContext } from './context';
import { Loaders } from './loaders';
import { createSubgraphApolloServer } from './subgraph-server';

const servers = new WeakMap<GraphQLSchema, ApolloServer<HarbourContext>>();

/**
 * Runs an operation against a subgraph schema in-process through the same Apollo Server
 * setup the subgraph serves (parsing, validation, error masking), with a fresh request
 * context. For integration tests.
 */
export async function executeOperation<TData = Record<string, unknown>>(
  schema: GraphQLSchema,
  db: EntityManager,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult<TData>> {
  let server = servers.get(schema);
  if (!server) {
    server = createSubgraphApolloServer(schema);
    servers.set(schema, server);
  }
  const contextValue: HarbourContext = { requestId: 'test', db, loaders: new Loaders() };
  const response = await server.executeOperation<TData>({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Expected a single result, not an incremental one');
  return response.body.singleResult as ExecutionResult<TData>;
}

/** Asks a subgraph for entities by reference, as the gateway does through `_entities`. */
export function resolveEntities<TData = { _entities: unknown[] }>(
  schema: GraphQLSchema,
  db: EntityManager,
  representations: Record<string, unknown>[],
  selection: string,
): Promise<ExecutionResult<TData>> {
  return executeOperation<TData>(
    schema,
    db,
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    { representations },
  );
}
