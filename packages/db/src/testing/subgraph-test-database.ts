import type { DataSource } from 'typeorm';
import { subgraphRole } from '../bootstrap';
import { createSubgraphDataSource, type SubgraphDatabase } from '../data-source';
import { QueryCounter } from './query-counter';
import { createTestDatabase, type TestDatabase } from './test-database';

/** What a subgraph's integration test gets: its own database, as both roles. */
export interface SubgraphTestContext {
  /** Connected as the runtime login acting as the subgraph's role, as in production. Every query is counted. */
  app: DataSource;
  /** Connected as the owner, for fixtures. */
  owner: DataSource;
  counter: QueryCounter;
  database: TestDatabase;
}

/**
 * Registers jest hooks that give the calling test file a migrated database of its own,
 * emptied before each test. Read the returned object's fields inside tests.
 */
export function useSubgraphTestDatabase(subgraph: SubgraphDatabase): SubgraphTestContext {
  const context = { counter: new QueryCounter() } as SubgraphTestContext;
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.app = createSubgraphDataSource(
      context.database.appUrl,
      subgraph,
      { max: 4, applicationName: 'harbour-test', sessionRole: subgraphRole(subgraph.schema) },
      context.counter,
    );
    // Fixtures may be large (ten thousand organisations, each kept in the closure table by a
    // trigger): on a loaded machine that outlasts the service's 15 s statement timeout, which
    // is what the app connection, and so the behaviour under test, keeps.
    context.owner = createSubgraphDataSource(context.database.ownerUrl, subgraph, {
      max: 2,
      applicationName: 'harbour-test-owner',
      statementTimeoutMs: 120_000,
    });
    await Promise.all([context.app.initialize(), context.owner.initialize()]);
  });
  beforeEach(async () => {
    await context.database.truncate();
    context.counter.reset();
  });
  afterAll(async () => {
    await Promise.all([context.app?.destroy(), context.owner?.destroy()]);
    await context.database?.drop();
  });
  return context;
}
