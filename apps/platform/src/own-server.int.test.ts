import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@harbour/config';
import { subgraphRole } from '@harbour/db';
import { TEST_APP_PASSWORD, TEST_ENV } from '@harbour/db/testing';
import { bringUpDatabase } from './database';

/** DATABASE_URL pointing at "your own" server: here, an empty database on the test server. */
describe('with DATABASE_URL set', () => {
  const adminUrl = () => process.env[TEST_ENV.adminUrl]!;
  const name = `harbour_t_${process.env[TEST_ENV.run]}_own_${randomBytes(4).toString('hex')}`;

  async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(() => admin((c) => c.query(`CREATE DATABASE ${name}`)));
  afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('migrates that database as its user and connects the services as a separate runtime role', async () => {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const lines: string[] = [];
    // The runtime role is cluster-wide: keep the password the other test files use.
    const config = loadConfig({ DATABASE_URL: url.toString(), HARBOUR_APP_PASSWORD: TEST_APP_PASSWORD });
    const db = await bringUpDatabase(config, (line) => lines.push(line));
    try {
      expect(db.server.embedded).toBe(false);
      expect(lines[0]).toBe('PostgreSQL at DATABASE_URL');
      const migrations = lines.filter((l) => l.startsWith('migrations '));
      expect(migrations).toHaveLength(4);
      expect(migrations.every((l) => !l.endsWith('up to date'))).toBe(true);
      expect(new URL(db.appUrl).pathname).toBe(`/${name}`);
      // As the directory subgraph connects: the runtime login acting as the directory's role.
      const app = new Client({ connectionString: db.appUrl, options: `-c role=${subgraphRole('directory')}` });
      await app.connect();
      try {
        const { rows } = await app.query(
          `SELECT session_user AS who, (SELECT count(*)::int FROM directory.organisation) AS n,
                  (SELECT tableowner FROM pg_tables WHERE schemaname = 'forms' AND tablename = 'survey') AS owner`,
        );
        expect(rows).toEqual([{ who: 'harbour_app', n: 0, owner: decodeURIComponent(url.username) }]);
      } finally {
        await app.end();
      }
    } finally {
      await db.server.stop();
    }
    // A second start finds nothing to do.
    const again: string[] = [];
    await (await bringUpDatabase(config, (line) => again.push(line))).server.stop();
    const second = again.filter((l) => l.startsWith('migrations '));
    expect(second).toHaveLength(4);
    expect(second.every((l) => l.endsWith('up to date'))).toBe(true);
  });

  it('refuses to start with a runtime role that is a superuser', async () => {
    // A database owned by an ordinary role, and the superuser offered as the runtime role:
    // only the privilege check stands in the way.
    const db = `${name}_su`;
    const owner = `${name}_owner`;
    await admin(async (c) => {
      await c.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'owner-pass'`);
      await c.query(`CREATE DATABASE ${db} OWNER ${owner}`);
    });
    try {
      const ownerUrl = new URL(adminUrl());
      ownerUrl.username = owner;
      ownerUrl.password = 'owner-pass';
      ownerUrl.pathname = `/${db}`;
      const superUrl = new URL(adminUrl());
      superUrl.pathname = `/${db}`;
      const config = loadConfig({ DATABASE_URL: ownerUrl.toString(), DATABASE_APP_URL: superUrl.toString() });
      await expect(bringUpDatabase(config, () => undefined)).rejects.toThrow(/The runtime role \w+ is a superuser/);
    } finally {
      await admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${owner}`);
      });
    }
  });
});
