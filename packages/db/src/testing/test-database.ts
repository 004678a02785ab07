import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from '../bootstrap';
import { templateName, TEST_APP_PASSWORD, TEST_ENV } from './test-server';

/** A database of a test file's own, cloned from the migrated template. */
export interface TestDatabase {
  name: string;
  /** Owner role: for fixtures and truncation. */
  ownerUrl: string;
  /** Runtime role: what the code under test should use. */
  appUrl: string;
  /** Empties every table in the subgraph schemas (not the migrations tables). */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through jest's global setup (pnpm test).`);
  return value;
}

function urlFor(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Clones the template into a new database for this test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required(TEST_ENV.adminUrl);
  const templateOwnerUrl = required(TEST_ENV.templateOwnerUrl);
  const runId = required(TEST_ENV.run);
  const name = `harbour_t_${runId}_${randomBytes(4).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await run(adminUrl, `CREATE DATABASE "${name}" TEMPLATE ${templateName(runId)} OWNER ${OWNER_ROLE}`);
      break;
    } catch (error) {
      // Two files cloning at the same instant: PostgreSQL refuses while the template is in use.
      if (attempt < 20 && /being accessed by other users/.test((error as Error).message)) {
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
        continue;
      }
      throw error;
    }
  }
  const template = new URL(templateOwnerUrl);
  const ownerUrl = urlFor(templateOwnerUrl, decodeURIComponent(template.username), decodeURIComponent(template.password), name);
  const appUrl = urlFor(templateOwnerUrl, APP_ROLE, TEST_APP_PASSWORD, name);
  // The owner's URL carries the all-tenants session option; the runtime role's must not.
  const app = new URL(appUrl);
  app.searchParams.delete('options');
  return {
    name,
    ownerUrl,
    appUrl: app.toString(),
    async truncate() {
      const client = new Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        const tables = await client.query<{ name: string }>(
          `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
           WHERE schemaname IN ('directory', 'forms', 'responses', 'insights') AND tablename <> 'migrations'`,
        );
        if (tables.rowCount) {
          await client.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
        }
      } finally {
        await client.end();
      }
    },
    async drop() {
      await run(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
