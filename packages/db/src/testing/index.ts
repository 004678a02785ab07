export { startTestServer, templateName, TEST_APP_PASSWORD, TEST_ENV } from './test-server';
export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { QueryCounter } from './query-counter';
export { useSubgraphTestDatabase } from './subgraph-test-database';
export type { SubgraphTestContext } from './subgraph-test-database';
