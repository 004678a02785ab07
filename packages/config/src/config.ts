import { existsSync } from 'node:fs';
import path from 'node:path';

/** The four subgraphs, in the order their migrations and seeds run. */
export const SUBGRAPHS = ['directory', 'forms', 'responses', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  directory: 4001,
  forms: 4002,
  responses: 4003,
  insights: 4004,
};

/** Everything Harbour reads from its environment, in one place. */
export interface HarbourConfig {
  /** Admin/owner connection string; unset means "run the embedded PostgreSQL". */
  databaseUrl: string | undefined;
  /** Runtime connection string (a role that owns nothing); derived when unset. */
  databaseAppUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPort: number;
  /** Password for the runtime role Harbour makes on your server (embedded: a random one of its own). */
  appPassword: string | undefined;
  /** Host the subgraphs bind to: loopback unless told otherwise. */
  subgraphHost: string;
  /** Host the gateway binds to. */
  gatewayHost: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  /** Subgraph URLs the gateway routes to. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Which gateway runs: Apollo Gateway (default, the faster in docs/gateway.md since access control) or Hive Gateway. */
  gatewayEngine: 'hive' | 'apollo';
  /** Shared secret the gateway sends and subgraphs require; unset means "make one per run". */
  gatewaySecret: string | undefined;
  /** Production: anonymous callers get no introspection or field suggestions (HARBOUR_ENV or NODE_ENV = production). */
  production: boolean;
  /** Largest request body the gateway and subgraphs read, in bytes (a staff import file travels in one). */
  maxBodyBytes: number;
  /** Pool size per subgraph process. */
  poolMax: number;
  statementTimeoutMs: number;
  /** How long one GraphQL request may run in a subgraph before its database work is cancelled. */
  requestBudgetMs: number;
  /** Longest wait for a connection (from the pool, or a new one) before a request is answered 503 with Retry-After. */
  connectTimeoutMs: number;
  /** Where respondents' links point: the web app's address as they reach it. */
  publicUrl: string;
  /** An SMTP server for invitations and reminders (smtp://user:pass@host:587, smtps://...); unset keeps them in the outbox for admins. */
  smtpUrl: string | undefined;
  /** The From of those messages. */
  mailFrom: string;
  /** Reminders go this many days before an invitation's last day. */
  reminderDays: number;
  /** How often the delivery clock invites, writes messages and sends them. */
  deliveryEveryMs: number;
  /** How often insights rebuilds the all-tenant benchmark when any tenant's rollups changed. */
  benchmarkEveryMs: number;
  /** How often the responses subgraph folds appended measures into the rollups reports read. */
  foldEveryMs: number;
  /** A job whose worker has gone quiet this long (killed, say) is taken as failed and retried. */
  jobExpireSeconds: number;
  /** How often the job queue looks for such jobs (and archives finished ones). */
  jobMaintenanceSeconds: number;
}

/** The repository root: the nearest folder up from here holding pnpm-workspace.yaml. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function smtpUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(raw)) throw new Error(`HARBOUR_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465, got "${raw.replace(/:[^:@/]*@/, ':***@')}"`);
  return raw;
}

/** Reads the configuration from the environment; throws naming the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HarbourConfig {
  const subgraphHost = env.HARBOUR_SUBGRAPH_HOST || '127.0.0.1';
  const subgraphPorts = {} as Record<SubgraphName, number>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    const upper = name.toUpperCase();
    subgraphPorts[name] = intFrom(env, `HARBOUR_${upper}_PORT`, DEFAULT_PORTS[name]);
    subgraphUrls[name] =
      env[`HARBOUR_${upper}_URL`] || `http://127.0.0.1:${subgraphPorts[name]}/graphql`;
  }
  const gatewayEngine = env.HARBOUR_GATEWAY_ENGINE || 'apollo';
  if (gatewayEngine !== 'hive' && gatewayEngine !== 'apollo') {
    throw new Error(`HARBOUR_GATEWAY_ENGINE must be "hive" or "apollo", got "${gatewayEngine}"`);
  }
  return {
    gatewayEngine,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    dataDir: path.resolve(env.HARBOUR_DATA_DIR || path.join(repoRoot(), '.harbour', 'postgres')),
    embeddedPort: intFrom(env, 'HARBOUR_PG_PORT', 54320),
    appPassword: env.HARBOUR_APP_PASSWORD || undefined,
    subgraphHost,
    gatewayHost: env.HARBOUR_HOST || '127.0.0.1',
    gatewayPort: intFrom(env, 'PORT', 4000),
    subgraphPorts,
    subgraphUrls,
    gatewaySecret: env.HARBOUR_GATEWAY_SECRET || undefined,
    production: (env.HARBOUR_ENV || env.NODE_ENV) === 'production',
    maxBodyBytes: intFrom(env, 'HARBOUR_MAX_BODY_BYTES', 8 * 1024 * 1024 + 64 * 1024),
    poolMax: intFrom(env, 'HARBOUR_DB_POOL_MAX', 10),
    statementTimeoutMs: intFrom(env, 'HARBOUR_DB_STATEMENT_TIMEOUT_MS', 15000),
    requestBudgetMs: intFrom(env, 'HARBOUR_REQUEST_BUDGET_MS', 30000),
    connectTimeoutMs: intFrom(env, 'HARBOUR_DB_CONNECT_TIMEOUT_MS', 2000),
    publicUrl: (env.HARBOUR_PUBLIC_URL || `http://127.0.0.1:${intFrom(env, 'PORT', 4000)}`).replace(/\/+$/, ''),
    smtpUrl: smtpUrlFrom(env.HARBOUR_SMTP_URL),
    mailFrom: env.HARBOUR_MAIL_FROM || 'Harbour <harbour@localhost>',
    reminderDays: intFrom(env, 'HARBOUR_REMINDER_DAYS', 3),
    deliveryEveryMs: intFrom(env, 'HARBOUR_DELIVERY_EVERY_MS', 60_000),
    benchmarkEveryMs: intFrom(env, 'HARBOUR_BENCHMARK_EVERY_MS', 60_000),
    foldEveryMs: intFrom(env, 'HARBOUR_FOLD_EVERY_MS', 1000),
    jobExpireSeconds: intFrom(env, 'HARBOUR_JOB_EXPIRE_SECONDS', 900),
    jobMaintenanceSeconds: intFrom(env, 'HARBOUR_JOB_MAINTENANCE_SECONDS', 60),
  };
}
