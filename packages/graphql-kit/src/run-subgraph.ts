import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { loadConfig, type SubgraphName } from '@harbour/config';
import { createSubgraphDataSource, subgraphRole, type SubgraphDatabase } from '@harbour/db';
import { startBackgroundJobs, type BackgroundJob } from './background-jobs';
import { log, nameLogService } from './log';
import { exitOnStop } from './shutdown';
import type { DataSource } from 'typeorm';
import type { Downloads } from './downloads';
import { startSubgraphServer, type InternalRoutes } from './subgraph-server';

/** What each subgraph app exports: its name, its corner of the database, its schema. */
export interface SubgraphDefinition {
  name: SubgraphName;
  database: SubgraphDatabase;
  buildSchema(): Promise<GraphQLSchema>;
  /** JSON endpoints beside GraphQL that only the gateway calls (the directory's credential check). */
  internalRoutes?(dataSource: DataSource): InternalRoutes;
  /** Files it streams to callers through the gateway, by path under /exports/. */
  downloads?: Downloads;
  /** Work it does by itself while it runs, such as opening and closing campaigns on their days. */
  jobs?: readonly BackgroundJob[];
}

/**
 * The body of every subgraph's main.ts. With `--print-sdl` it prints the subgraph SDL and
 * exits (for `pnpm schema`); otherwise it connects as the runtime role and serves.
 */
export async function runSubgraph(definition: SubgraphDefinition, argv: string[] = process.argv): Promise<void> {
  const schema = await definition.buildSchema();
  if (argv.includes('--print-sdl')) {
    process.stdout.write(printSubgraphSchema(schema));
    return;
  }
  nameLogService(definition.name);
  const stop = exitOnStop();
  const config = loadConfig();
  const url = config.databaseAppUrl;
  if (!url) throw new Error('DATABASE_APP_URL is not set: start Harbour with `pnpm start`, or set it to the runtime role\'s connection string.');
  if (!config.gatewaySecret) throw new Error('HARBOUR_GATEWAY_SECRET is not set: subgraphs answer only a gateway that sends it.');
  const dataSource = createSubgraphDataSource(url, definition.database, {
    max: config.poolMax,
    connectTimeoutMs: config.connectTimeoutMs,
    statementTimeoutMs: config.statementTimeoutMs,
    applicationName: `harbour-${definition.name}`,
    sessionRole: subgraphRole(definition.database.schema),
  });
  await dataSource.initialize();
  stop.cleanup(() => dataSource.destroy());
  const running = await startSubgraphServer({
    name: definition.name,
    schema,
    dataSource,
    host: config.subgraphHost,
    port: config.subgraphPorts[definition.name],
    gatewaySecret: config.gatewaySecret,
    internalRoutes: definition.internalRoutes?.(dataSource),
    downloads: definition.downloads,
    maxBodyBytes: config.maxBodyBytes,
    budgetMs: config.requestBudgetMs,
  });
  log.info({ url: running.url }, 'listening');
  const stopJobs = await startBackgroundJobs(definition.jobs ?? [], dataSource, {
    schema: definition.database.schema,
    expireSeconds: config.jobExpireSeconds,
    maintenanceSeconds: config.jobMaintenanceSeconds,
    log: (message) => log.error(message),
    ran: (job, due, ms) => log.debug({ job, due: due.toISOString(), ms }, 'job ran'),
  });
  stop.cleanup(async () => {
    await stopJobs();
    await running.close();
    await dataSource.destroy();
  });
  process.send?.({ ready: running.url });
}
