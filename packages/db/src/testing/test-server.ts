import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../bootstrap';
import { startEmbeddedPostgres, type RunningServer } from '../embedded';
import { migrateSubgraph } from '../migrate';
import type { SubgraphDatabase } from '../data-source';

// Roles are cluster-wide: on a shared TEST_DATABASE_URL server every run uses the same ones.
export const TEST_APP_PASSWORD = 'harbour-app-test';
const TEST_OWNER_PASSWORD = 'harbour-owner-test';

/** Environment variables the test server hands to test workers. */
export const TEST_ENV = {
  adminUrl: 'HARBOUR_TEST_ADMIN_URL',
  templateOwnerUrl: 'HARBOUR_TEST_TEMPLATE_OWNER_URL',
  /** This run's prefix for database names, so runs sharing a server never touch each other's. */
  run: 'HARBOUR_TEST_RUN',
} as const;

/** The template database of the run named `run`. */
export function templateName(run: string): string {
  return `harbour_t_${run}_template`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function dropRunDatabases(adminUrl: string, run: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const mine = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`harbour_t_${run}_`]);
    for (const row of mine.rows) await admin.query(`DROP DATABASE "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts the server tests run against and migrates a template database that each test
 * file clones. `TEST_DATABASE_URL` (a superuser URL) picks another server, e.g. the
 * machine's PostgreSQL 15; otherwise an embedded one starts in a temporary folder on a
 * free port. Everything is this run's own: another run, at the same time, is untouched.
 */
export async function startTestServer(subgraphs: SubgraphDatabase[]): Promise<RunningServer> {
  const run = randomBytes(4).toString('hex');
  let server: RunningServer;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    server = { adminUrl: external, embedded: false, stop: () => dropRunDatabases(external, run) };
  } else {
    const folder = mkdtempSync(path.join(tmpdir(), 'harbour-test-pg-'));
    // Run as root, PostgreSQL runs as the `postgres` user, which must reach its folder.
    chmodSync(folder, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(folder, 'data'), port: await freePort() });
    server = {
      ...embedded,
      async stop() {
        await embedded.stop();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  try {
    const urls = await prepareDatabase({
      adminUrl: server.adminUrl,
      superuser: { ownerPassword: TEST_OWNER_PASSWORD },
      database: templateName(run),
      schemas: subgraphs.map((s) => s.schema),
      appPassword: TEST_APP_PASSWORD,
    });
    for (const subgraph of subgraphs) await migrateSubgraph(urls.ownerUrl, subgraph);
    process.env[TEST_ENV.adminUrl] = server.adminUrl;
    process.env[TEST_ENV.templateOwnerUrl] = urls.ownerUrl;
    process.env[TEST_ENV.run] = run;
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}

