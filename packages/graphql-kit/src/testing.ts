import type { ApolloServer } from '@apollo/server';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, type Caller, type Credential, type Grant } from './auth/caller';
import type { HarbourContext } from './context';
import { Loaders } from './loaders';
import { openRequestScope } from './request-scope';
import { createSubgraphApolloServer } from './subgraph-server';

const servers = new WeakMap<GraphQLSchema, ApolloServer<HarbourContext>>();

/** A database as seen by one caller: what an operation runs against in a test. */
export interface CallerSession {
  dataSource: DataSource;
  caller: Caller;
}

/** `dataSource` as `caller` sees it (anonymous when absent). */
export function as(dataSource: DataSource, caller: Caller = ANONYMOUS): CallerSession {
  return { dataSource, caller };
}

/** A platform admin: sees and may do everything. */
export const PLATFORM_ADMIN: Caller = Object.freeze({
  kind: 'account',
  accountId: '00000000-0000-4000-8000-000000000001',
  credential: 'session',
  platformAdmin: true,
  grants: [],
}) as Caller;

/** A signed-in caller holding `grants` (a session unless `credential` says otherwise). */
export function callerWith(grants: Grant[], credential: Credential = 'session', accountId = '00000000-0000-4000-8000-000000000002'): Caller {
  return { kind: 'account', accountId, credential, platformAdmin: false, grants };
}

/**
 * Runs an operation against a subgraph schema in-process through the same Apollo Server
 * setup the subgraph serves (parsing, validation, error masking), in a request transaction
 * scoped to the caller's tenants, committed unless an error was met. For integration tests.
 */
export async function executeOperation<TData = Record<string, unknown>>(
  schema: GraphQLSchema,
  session: CallerSession,
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult<TData>> {
  let server = servers.get(schema);
  if (!server) {
    server = createSubgraphApolloServer(schema);
    servers.set(schema, server);
  }
  const { caller } = session;
  const scope = await openRequestScope(session.dataSource, caller);
  const contextValue: HarbourContext = { requestId: 'test', caller, db: scope.db, loaders: new Loaders(), outcome: { failed: false } };
  try {
    const response = await server.executeOperation<TData>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Expected a single result, not an incremental one');
    return response.body.singleResult as ExecutionResult<TData>;
  } finally {
    await scope.finish(!contextValue.outcome.failed);
  }
}

/** Asks a subgraph for entities by reference, as the gateway does through `_entities`. */
export function resolveEntities<TData = { _entities: unknown[] }>(
  schema: GraphQLSchema,
  session: CallerSession,
  representations: Record<string, unknown>[],
  selection: string,
): Promise<ExecutionResult<TData>> {
  return executeOperation<TData>(
    schema,
    session,
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    { representations },
  );
}
