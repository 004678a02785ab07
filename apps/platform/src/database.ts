import { loadConfig, type HarbourConfig } from '@harbour/config';
import {
  assertUnprivileged,
  migrateSubgraph,
  openDatabaseServer,
  prepareDatabase,
  userOf,
  type DatabaseUrls,
  type RunningServer,
} from '@harbour/db';
import { SUBGRAPH_MODULES } from './subgraphs';

export interface ReadyDatabase extends DatabaseUrls {
  server: RunningServer;
}

/**
 * Starts (or connects to) PostgreSQL, makes the database and roles, and runs every
 * subgraph's pending migrations as the owner.
 */
export async function bringUpDatabase(
  config: HarbourConfig = loadConfig(),
  log: (line: string) => void = console.log,
): Promise<ReadyDatabase> {
  const server = await openDatabaseServer({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    port: config.embeddedPort,
    // PostgreSQL's own chatter stays out; Harbour's lines about it (initialising, restarts) go in.
    log: (line) => {
      if (line.startsWith('initialising') || line.startsWith('PostgreSQL ')) log(line);
    },
  });
  try {
    log(server.embedded ? `PostgreSQL (embedded) on 127.0.0.1:${config.embeddedPort}, data in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL');
    const urls = await prepareDatabase({
      adminUrl: server.adminUrl,
      superuser: server.passwords ? { ownerPassword: server.passwords.owner } : undefined,
      database: 'harbour',
      schemas: SUBGRAPH_MODULES.map((s) => s.database.schema),
      appPassword: config.appPassword ?? server.passwords?.app,
      appUrl: config.databaseAppUrl,
    });
    const appRole = userOf(urls.appUrl);
    if (appRole === userOf(urls.ownerUrl)) {
      throw new Error('DATABASE_APP_URL must use a different role from DATABASE_URL: the runtime role may not own the tables.');
    }
    for (const subgraph of SUBGRAPH_MODULES) {
      const ran = await migrateSubgraph(urls.ownerUrl, subgraph.database);
      log(`migrations ${subgraph.name}: ${ran.length ? ran.join(', ') : 'up to date'}`);
    }
    await assertUnprivileged(
      urls.appUrl,
      SUBGRAPH_MODULES.map((s) => s.database.schema),
    );
    return { ...urls, server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
