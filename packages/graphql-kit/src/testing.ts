import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { HarbourContext } from './context';
import { Loaders } from './loaders';

/**
 * Runs an operation against a subgraph schema in-process, with a fresh request context,
 * as the subgraph server would. For integration tests.
 */
export async function executeOperation<TData = Record<string, unknown>>(
  schema: GraphQLSchema,
  db: EntityManager,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult<TData>> {
  const context: HarbourContext = { requestId: 'test', db, loaders: new Loaders() };
  return (await execute({ schema, document: parse(query), variableValues: variables, contextValue: context })) as ExecutionResult<TData>;
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
