import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@harbour/config';
import { APP_ROLE, OWNER_ROLE, prepareDatabase } from '../bootstrap';
import { startEmbeddedPostgres, type RunningServer } from '../embedded';
import { migrateSubgraph } from '../migrate';
import type { SubgraphDatabase } from '../data-source';

export const TEMPLATE_DATABASE = 'harbour_template';
export const TEST_APP_PASSWORD = 'harbour-app-test';

/** Environment variables the test server hands to test workers. */
export const TEST_ENV = {
  adminUrl: 'HARBOUR_TEST_ADMIN_URL',
  templateOwnerUrl: 'HARBOUR_TEST_TEMPLATE_OWNER_URL',
} as const;

/**
 * Starts the server tests run against and migrates a template database that each
 * test file clones. `TEST_DATABASE_URL` (a superuser URL) picks another server,
 * e.g. the machine's PostgreSQL 15; otherwise a fresh embedded one is started.
 */
export async function startTestServer(subgraphs: SubgraphDatabase[]): Promise<RunningServer> {
  let server: RunningServer;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    server = { adminUrl: external, embedded: false, stop: async () => undefined };
  } else {
    const port = Number(process.env.HARBOUR_TEST_PG_PORT || 54330);
    const dataDir = path.join(repoRoot(), '.harbour', `test-postgres-${port}`);
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir, port });
  }
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    // Left over from an earlier run on an external server.
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'harbour_t\\_%' OR datname = $1",
      [TEMPLATE_DATABASE],
    );
    for (const row of stale.rows) await admin.query(`DROP DATABASE "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const urls = await prepareDatabase({
    adminUrl: server.adminUrl,
    superuser: true,
    database: TEMPLATE_DATABASE,
    appPassword: TEST_APP_PASSWORD,
  });
  for (const subgraph of subgraphs) await migrateSubgraph(urls.ownerUrl, subgraph, APP_ROLE);
  process.env[TEST_ENV.adminUrl] = server.adminUrl;
  process.env[TEST_ENV.templateOwnerUrl] = urls.ownerUrl;
  return server;
}

export { OWNER_ROLE };
