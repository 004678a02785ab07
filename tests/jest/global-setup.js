// Runs once before all test files: one PostgreSQL (embedded, or TEST_DATABASE_URL) and a
// migrated template database that each test file clones. Uses the build from `pnpm build`.
const { startTestServer } = require('@harbour/db/testing');
const { SUBGRAPH_MODULES } = require('@harbour/platform');

module.exports = async () => {
  const started = Date.now();
  globalThis.__HARBOUR_TEST_SERVER__ = await startTestServer(SUBGRAPH_MODULES.map((m) => m.database));
  process.stdout.write(`\ntest database ready in ${Date.now() - started} ms\n`);
};
