import 'reflect-metadata';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';

/** What a subgraph needs to say about its own corner of the database. */
export interface SubgraphDatabase {
  /** The PostgreSQL schema the subgraph owns, e.g. `forms`. */
  schema: string;
  // TypeORM's own option types; entity classes are untyped constructors there.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** The names of its job queues (made at migration time, in `<schema>_jobs`), if it has work that runs by itself. */
  jobQueues?: readonly string[];
}

/** Pool bounds; every connection fails fast instead of queueing forever. */
export interface PoolOptions {
  max: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName: string;
  /** A role every connection acts as from the start (the login must be a member of it). */
  sessionRole?: string;
}

export const DEFAULT_POOL: PoolOptions = {
  max: 10,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 15000,
  applicationName: 'harbour',
};

/**
 * The one way any subgraph gets a TypeORM DataSource: its own schema and migrations
 * table, explicit migrations only, a bounded pool with timeouts.
 */
export function createSubgraphDataSource(
  url: string,
  database: SubgraphDatabase,
  pool: Partial<PoolOptions> = {},
  /** Sees every query; tests use it to count round trips. */
  logger?: Logger,
): DataSource {
  const options = { ...DEFAULT_POOL, ...pool };
  return new DataSource({
    type: 'postgres',
    url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    ...(logger ? { logger, logging: ['query' as const] } : {}),
    poolSize: options.max,
    connectTimeoutMS: options.connectTimeoutMs,
    applicationName: options.applicationName,
    extra: {
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
      idleTimeoutMillis: 30_000,
      ...(options.sessionRole ? { options: `-c role=${options.sessionRole}` } : {}),
    },
  });
}
