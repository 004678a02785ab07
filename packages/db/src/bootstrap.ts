import { Client } from 'pg';

/** Connection strings for the two database roles Harbour uses. */
export interface DatabaseUrls {
  /** Owns the schemas and tables; migrations and seeds run as this role. */
  ownerUrl: string;
  /** What the subgraphs connect as at runtime: not a superuser, owns nothing. */
  appUrl: string;
}

export const OWNER_ROLE = 'harbour_owner';
export const APP_ROLE = 'harbour_app';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function withCredentials(url: string, user: string, password: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureLoginRole(client: Client, role: string, password: string, inherit = true): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  // NOBYPASSRLS and NOSUPERUSER matter: row-level security must apply to the runtime role.
  await client.query(
    `${verb} ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS ${inherit ? 'INHERIT' : 'NOINHERIT'} PASSWORD ${quoteLiteral(password)}`,
  );
}

/** The role a subgraph's runtime connections act as: privileges on its own schema only. */
export function subgraphRole(schema: string): string {
  return `harbour_${schema}`;
}

/**
 * Makes one NOLOGIN role per subgraph schema and lets `member` (the runtime login) act as
 * each. Each subgraph's connections take on its own role, so a subgraph can touch only its
 * own schema and what another publishes to it.
 */
async function ensureSubgraphRoles(client: Client, schemas: string[], member: string): Promise<void> {
  for (const schema of schemas) {
    const role = subgraphRole(schema);
    const { rows } = await client.query<{ exists: boolean; member: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
              EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role($2, $1, 'MEMBER') AS member`,
      [role, member],
    );
    // Already in place: nothing to do, so an owner without CREATEROLE can start again.
    if (rows[0]!.member) continue;
    if (!rows[0]!.exists) await client.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS`);
    await client.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(member)}`);
  }
}

/**
 * Makes the database and roles Harbour needs, idempotently.
 *
 * - On a server Harbour started (`superuser` true), it creates an owner role and the
 *   `database`, owned by it.
 * - On your own server, the connection string's user is the owner and its database is used.
 *
 * Either way the runtime role (`appUrl`) is made or refreshed unless `appUrl` is given.
 */
export async function prepareDatabase(options: {
  adminUrl: string;
  /** Set when `adminUrl` is a superuser on a server Harbour runs: the owner role is made with this password. */
  superuser?: { ownerPassword: string };
  database: string;
  /** The subgraphs' schemas: each gets a role of its own that the runtime login acts as. */
  schemas: string[];
  /** Password for the runtime role Harbour makes; unused when `appUrl` is given. */
  appPassword: string | undefined;
  appUrl?: string;
}): Promise<DatabaseUrls> {
  let ownerUrl = options.adminUrl;
  if (options.superuser) {
    const { ownerPassword } = options.superuser;
    await withClient(options.adminUrl, async (client) => {
      await ensureLoginRole(client, OWNER_ROLE, ownerPassword);
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (!exists.rowCount) {
        await client.query(`CREATE DATABASE ${quoteIdent(options.database)} OWNER ${OWNER_ROLE}`);
      }
    });
    ownerUrl = withCredentials(options.adminUrl, OWNER_ROLE, ownerPassword, options.database);
  }
  if (options.appUrl) {
    const member = userOf(options.appUrl);
    await withClient(options.adminUrl, (client) =>
      ensureSubgraphRoles(client, options.schemas, member).catch((error: unknown) => {
        throw new Error(
          `Could not make the subgraph roles or grant them to ${member} (${(error as Error).message}): the DATABASE_URL user needs CREATEROLE.`,
          { cause: error },
        );
      }),
    );
    return { ownerUrl: acrossTenants(ownerUrl), appUrl: options.appUrl };
  }
  const appPassword = options.appPassword;
  if (!appPassword) {
    throw new Error(
      `Harbour needs a runtime role: set DATABASE_APP_URL to a login role of yours, or HARBOUR_APP_PASSWORD for the role ${APP_ROLE} that Harbour makes.`,
    );
  }

  await withClient(options.adminUrl, async (client) => {
    try {
      // NOINHERIT: the login itself holds no table privileges; each connection acts as one subgraph's role.
      await ensureLoginRole(client, APP_ROLE, appPassword, false);
      await ensureSubgraphRoles(client, options.schemas, APP_ROLE);
    } catch (error) {
      throw new Error(
        `Could not create the runtime role ${APP_ROLE} (${(error as Error).message}). ` +
          'Give the DATABASE_URL user CREATEROLE, or create a login role yourself and set DATABASE_APP_URL.',
        { cause: error },
      );
    }
  });
  const ownerDatabase = new URL(ownerUrl).pathname.slice(1);
  await withClient(ownerUrl, (client) =>
    client.query(`GRANT CONNECT ON DATABASE ${quoteIdent(ownerDatabase)} TO ${APP_ROLE}`),
  );
  return { ownerUrl: acrossTenants(ownerUrl), appUrl: withCredentials(ownerUrl, APP_ROLE, appPassword) };
}

/** The session setting that lets a connection see every tenant's rows past row-level security. */
const ALL_TENANTS_OPTION = '-c harbour.all_tenants=on';

/**
 * The owner's connection string with every tenant visible: migrations, seeds and fixtures
 * work across tenants, while row-level security stays forced on the tables (so views the
 * owner publishes still filter by the reading session's tenants).
 */
export function acrossTenants(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  if (options?.includes(ALL_TENANTS_OPTION)) return url;
  parsed.searchParams.set('options', options ? `${options} ${ALL_TENANTS_OPTION}` : ALL_TENANTS_OPTION);
  return parsed.toString();
}

/** The user name in a connection string. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Refuses a runtime role that could get round Harbour's protections: a superuser, a role
 * that bypasses row-level security, or one that owns any of Harbour's schemas or tables.
 */
export async function assertUnprivileged(appUrl: string, schemas: string[]): Promise<void> {
  await withClient(appUrl, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY($1) AND (c.relowner = r.oid OR n.nspowner = r.oid)) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
      [schemas],
    );
    const role = rows[0]!;
    const problems = [
      role.rolsuper && 'is a superuser',
      role.rolbypassrls && 'bypasses row-level security',
      role.owned > 0 && `owns ${role.owned} of Harbour's schemas or tables`,
    ].filter(Boolean);
    if (problems.length) {
      throw new Error(
        `The runtime role ${userOf(appUrl)} ${problems.join(' and ')}: set DATABASE_APP_URL to a login role with none of these.`,
      );
    }
  });
}
