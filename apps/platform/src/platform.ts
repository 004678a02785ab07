import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot, SUBGRAPHS, type HarbourConfig } from '@harbour/config';
import { newGatewaySecret } from '@harbour/graphql-kit';
import { bringUpDatabase } from './database';
import { startService, stopServices, type ServiceProcess } from './processes';
import { isEmpty, seedDemo } from './seed';

export interface PlatformOptions {
  env?: NodeJS.ProcessEnv;
  /** Seed the demo data when the database is empty. */
  seedIfEmpty?: boolean;
  log?: (line: string) => void;
}

export interface RunningPlatform {
  gatewayUrl: string;
  webUrl: string;
  subgraphUrls: Record<string, string>;
  gatewaySecret: string;
  /** Resolves when any service exits on its own (a crash). */
  crashed: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Brings up the whole platform: PostgreSQL (embedded unless DATABASE_URL), migrations,
 * demo data when empty, the four subgraphs, then the gateway.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const env = { ...process.env, ...options.env };
  const log = options.log ?? console.log;
  const config: HarbourConfig = loadConfig(env);
  const root = repoRoot();
  const supergraph = path.join(root, 'schema', 'supergraph.graphql');
  if (!existsSync(supergraph)) throw new Error(`${supergraph} is missing: run \`pnpm schema\`.`);

  const db = await bringUpDatabase(config, log);
  const services: ServiceProcess[] = [];
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopServices(services);
    await db.server.stop();
  };
  try {
    if (options.seedIfEmpty && (await isEmpty(db.ownerUrl))) {
      log('database is empty: seeding the demo data');
      await seedDemo(db.ownerUrl, log);
    }
    const gatewaySecret = config.gatewaySecret ?? newGatewaySecret();
    const childEnv = { ...env, DATABASE_APP_URL: db.appUrl, HARBOUR_GATEWAY_SECRET: gatewaySecret };
    for (const name of SUBGRAPHS) {
      services.push(startService(name, path.join(root, 'apps', name, 'dist', 'main.js'), childEnv));
    }
    const subgraphUrls = Object.fromEntries(
      await Promise.all(services.map(async (s) => [s.name, await s.ready] as const)),
    );
    const gateway = startService('gateway', path.join(root, 'apps', 'gateway', 'dist', 'main.js'), childEnv);
    services.push(gateway);
    const gatewayUrl = await gateway.ready;
    const crashed = Promise.race(
      services.map(
        (s) => new Promise<string>((resolve) => s.child.once('exit', (code, signal) => {
          if (!stopping) resolve(`${s.name} stopped (${signal ?? `code ${code}`})`);
        })),
      ),
    );
    return {
      gatewayUrl,
      webUrl: gatewayUrl.replace(/\/graphql$/, '/'),
      subgraphUrls,
      gatewaySecret,
      crashed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
