export { startTestServer, TEMPLATE_DATABASE, TEST_ENV } from './test-server';
export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
