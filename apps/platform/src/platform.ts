import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot, SUBGRAPHS, type HarbourConfig } from '@harbour/config';
import type { DatabaseUrls } from '@harbour/db';
import { newGatewaySecret } from '@harbour/graphql-kit';
import { bringUpDatabase } from './database';
import { startService, stopServices, type ServiceProcess } from './processes';
import { isEmpty, seedDemo } from './seed';

export interface PlatformOptions {
  env?: NodeJS.ProcessEnv;
  /** Seed the demo data when the database is empty. */
  seedIfEmpty?: boolean;
  log?: (line: string) => void;
  /** Receives what the services print, instead of this process's stdout and stderr. */
  output?: (service: string, text: string) => void;
}

/** The four subgraphs and the gateway, running as child processes. */
export interface RunningServices {
  gatewayUrl: string;
  webUrl: string;
  subgraphUrls: Record<string, string>;
  gatewaySecret: string;
  /** Resolves when any service exits on its own (a crash). */
  crashed: Promise<string>;
  /** Kills one service outright (as a crash would) and starts it again; resolves once it listens. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningPlatform extends RunningServices {
  /** The database it runs on: the owner's and the runtime role's connection strings. */
  databaseUrls: DatabaseUrls;
}

/** Starts the subgraphs, waits for them, then the gateway. The database must be ready. */
export async function startServices(
  urls: DatabaseUrls,
  env: NodeJS.ProcessEnv,
  output?: PlatformOptions['output'],
): Promise<RunningServices> {
  const config: HarbourConfig = loadConfig(env);
  const root = repoRoot();
  const supergraph = path.join(root, 'schema', 'supergraph.graphql');
  if (!existsSync(supergraph)) throw new Error(`${supergraph} is missing: run \`pnpm schema\`.`);
  const gatewaySecret = config.gatewaySecret ?? newGatewaySecret();
  const childEnv = { ...env, DATABASE_APP_URL: urls.appUrl, HARBOUR_GATEWAY_SECRET: gatewaySecret };
  const services: ServiceProcess[] = [];
  const scripts = new Map<string, string>();
  let stopping = false;
  const restarting = new Set<ServiceProcess>();
  let reportCrash: (why: string) => void = () => undefined;
  // Never resolves for exits that stop() or restart() caused.
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));
  const start = (name: string, script: string) => {
    scripts.set(name, script);
    const service = startService(name, script, childEnv, output);
    void service.exited.then((why) => !stopping && !restarting.has(service) && reportCrash(why));
    return service;
  };
  const stop = async () => {
    stopping = true;
    await stopServices(services);
  };
  const restart = async (name: string) => {
    const index = services.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`No service called ${name}`);
    const old = services[index]!;
    restarting.add(old);
    old.child.kill('SIGKILL');
    await old.exited;
    services[index] = start(name, scripts.get(name)!);
    await services[index]!.ready;
  };
  try {
    for (const name of SUBGRAPHS) {
      services.push(start(name, path.join(root, 'apps', name, 'dist', 'main.js')));
    }
    const subgraphUrls = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, await s.ready] as const)));
    const gateway = start('gateway', path.join(root, 'apps', 'gateway', 'dist', 'main.js'));
    services.push(gateway);
    const gatewayUrl = await gateway.ready;
    return { gatewayUrl, webUrl: gatewayUrl.replace(/\/graphql$/, '/'), subgraphUrls, gatewaySecret, crashed, restart, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Brings up the whole platform: PostgreSQL (embedded unless DATABASE_URL), migrations,
 * demo data when empty, the four subgraphs, then the gateway. stop() ends all of it.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const env = { ...process.env, ...options.env };
  const log = options.log ?? console.log;
  const db = await bringUpDatabase(loadConfig(env), log);
  try {
    if (options.seedIfEmpty && (await isEmpty(db.ownerUrl))) {
      log('database is empty: seeding the demo data');
      await seedDemo(db.ownerUrl, log);
    }
    const services = await startServices(db, env, options.output);
    return {
      ...services,
      databaseUrls: { ownerUrl: db.ownerUrl, appUrl: db.appUrl },
      async stop() {
        await services.stop();
        await db.server.stop();
      },
    };
  } catch (error) {
    await db.server.stop();
    throw error;
  }
}
