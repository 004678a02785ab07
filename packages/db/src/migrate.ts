import { subgraphRole } from './bootstrap';
import { createSubgraphDataSource, type SubgraphDatabase } from './data-source';
import { installJobQueues } from './job-queues';

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return name;
}

/** Tables a service may only add to, in whichever schema has them: the audit trail, a campaign's activity counts. */
const APPEND_ONLY = ['audit_event', 'campaign_activity'];

/**
 * Runs one subgraph's pending migrations as the owner role, inside its own schema, and
 * lets that subgraph's role use (not own) what they create. Returns the names of the
 * migrations that ran.
 */
export async function migrateSubgraph(ownerUrl: string, database: SubgraphDatabase): Promise<string[]> {
  const schema = ident(database.schema);
  const app = ident(subgraphRole(database.schema));
  const dataSource = createSubgraphDataSource(ownerUrl, database, {
    max: 2,
    applicationName: `harbour-migrate-${schema}`,
    statementTimeoutMs: 120_000,
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await dataSource.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await dataSource.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await dataSource.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    );
    // First, so that a migration may publish a view of the subgraph's queues.
    if (database.jobQueues?.length) await installJobQueues(ownerUrl, schema, database.jobQueues, app);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    // Default privileges cover tables made from now on; this covers those made before
    // (e.g. when the runtime role changed since).
    await dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
    await dataSource.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
    // The migrations table is the owner's business alone.
    await dataSource.query(`REVOKE ALL ON ${schema}.migrations FROM ${app}`);
    // The audit trail (and what else is kept as a record) is append-only for the services.
    for (const table of APPEND_ONLY) {
      const [{ present }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${schema}.${table}`])) as { present: boolean }[];
      if (present) await dataSource.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.${table} FROM ${app}`);
    }
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
