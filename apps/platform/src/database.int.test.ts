import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createSubgraphDataSource, migrateSubgraph, subgraphRole } from '@harbour/db';
import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, openRequestScope } from '@harbour/graphql-kit';
import { SUBGRAPH_MODULES } from './subgraphs';

let database: TestDatabase;
let app: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  app = new Client({ connectionString: database.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await database.drop();
});

describe('the runtime role', () => {
  it('is neither a superuser nor able to bypass row-level security', async () => {
    const { rows } = await app.query('SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user');
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false }]);
  });

  it('owns no table, view or schema', async () => {
    const { rows } = await app.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE pg_get_userbyid(c.relowner) = current_user
          OR n.nspname IN ('directory', 'forms', 'responses', 'insights') AND pg_get_userbyid(n.nspowner) = current_user`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('holds no table privileges of its own: only a subgraph\'s role, taken at connect, does', async () => {
    await expect(app.query('SELECT count(*) FROM directory.organisation')).rejects.toThrow(/permission denied/);
  });

  /** A connection as the runtime login acting as one subgraph's role, as that subgraph connects. */
  async function as<T>(schema: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: database.appUrl, options: `-c role=${subgraphRole(schema)}` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('as a subgraph, reads and writes its own rows but cannot change the schema or read migration history', () =>
    as('directory', async (c) => {
      await expect(c.query('SELECT count(*) FROM directory.organisation')).resolves.toBeTruthy();
      const id = randomUUID();
      const insert = () => c.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'X')`, [id]);
      // Row-level security: with no tenant set, no row may be written.
      await expect(insert()).rejects.toThrow(/row-level security/);
      await c.query('BEGIN');
      await c.query(`SELECT set_config('harbour.tenant_ids', $1, true)`, [`{${id}}`]);
      await expect(insert()).resolves.toBeTruthy();
      await c.query('COMMIT');
      await expect(c.query('CREATE TABLE directory.sneaky (id int)')).rejects.toThrow(/permission denied/);
      await expect(c.query('ALTER TABLE directory.organisation ADD COLUMN x int')).rejects.toThrow(/must be owner/);
      await expect(c.query('SELECT * FROM directory.migrations')).rejects.toThrow(/permission denied/);
    }));

  it('as a subgraph, cannot read or write another subgraph\'s schema', () =>
    as('forms', async (c) => {
      await expect(c.query('SELECT count(*) FROM forms.survey')).resolves.toBeTruthy();
      await expect(c.query('SELECT count(*) FROM directory.organisation')).rejects.toThrow(/permission denied/);
      await expect(c.query('SELECT count(*) FROM responses.response')).rejects.toThrow(/permission denied/);
      await expect(c.query("DELETE FROM insights.reporting_policy")).rejects.toThrow(/permission denied/);
    }));

  it('as insights, reads the view responses publishes, never the answers behind it', () =>
    as('insights', async (c) => {
      await expect(c.query('SELECT count(*) FROM responses.completed_response_facts')).resolves.toBeTruthy();
      await expect(c.query('SELECT answers FROM responses.response')).rejects.toThrow(/permission denied/);
      const tenant = randomUUID();
      await expect(c.query('INSERT INTO insights.reporting_policy (tenant_id) VALUES ($1)', [tenant])).rejects.toThrow(/row-level security/);
      await c.query('BEGIN');
      await c.query(`SELECT set_config('harbour.tenant_ids', $1, true)`, [`{${tenant}}`]);
      await expect(c.query('INSERT INTO insights.reporting_policy (tenant_id) VALUES ($1)', [tenant])).resolves.toBeTruthy();
      await c.query('COMMIT');
    }));

  it('cannot act as the owner', async () => {
    const client = new Client({ connectionString: database.appUrl, options: '-c role=harbour_owner' });
    await expect(client.connect()).rejects.toThrow(/permission denied to set role/);
    await client.end().catch(() => undefined);
  });
});

describe('migrations', () => {
  it('keep one migrations table per subgraph schema, and a second run does nothing', async () => {
    for (const subgraph of SUBGRAPH_MODULES) {
      const owner = new Client({ connectionString: database.ownerUrl });
      await owner.connect();
      const { rows } = await owner.query(`SELECT name FROM ${subgraph.database.schema}.migrations`);
      await owner.end();
      expect(rows.length).toBeGreaterThan(0);
      await expect(migrateSubgraph(database.ownerUrl, subgraph.database)).resolves.toEqual([]);
    }
  });
});

describe('migrations down', () => {
  it('undo every subgraph\'s migrations in reverse order, and run again cleanly', async () => {
    const scratch = await createTestDatabase();
    const owner = new Client({ connectionString: scratch.ownerUrl });
    await owner.connect();
    const tables = async () =>
      (
        await owner.query(
          `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('directory', 'forms', 'responses', 'insights') AND tablename <> 'migrations'`,
        )
      ).rows[0].n;
    try {
      expect(await tables()).toBeGreaterThan(0);
      for (const subgraph of [...SUBGRAPH_MODULES].reverse()) {
        const dataSource = createSubgraphDataSource(scratch.ownerUrl, subgraph.database, { max: 1 });
        await dataSource.initialize();
        try {
          while ((await dataSource.query(`SELECT count(*)::int AS n FROM ${subgraph.database.schema}.migrations`))[0].n > 0) {
            await dataSource.undoLastMigration({ transaction: 'each' });
          }
        } finally {
          await dataSource.destroy();
        }
      }
      expect(await tables()).toBe(0);
      for (const subgraph of SUBGRAPH_MODULES) {
        expect((await migrateSubgraph(scratch.ownerUrl, subgraph.database)).length).toBeGreaterThan(0);
      }
      expect(await tables()).toBeGreaterThan(0);
    } finally {
      await owner.end();
      await scratch.drop();
    }
  });
});

describe('a request\'s lazy transaction', () => {
  it('takes a connection at its first statement, and none after the request has finished', async () => {
    const dataSource = createSubgraphDataSource(database.appUrl, SUBGRAPH_MODULES[0]!.database, { max: 1, connectTimeoutMs: 1000 });
    await dataSource.initialize();
    try {
      const scope = await openRequestScope(dataSource, ALL_TENANTS, { lazy: true });
      // Nothing taken yet: the pool's one connection is free for anyone else.
      expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(await scope.db.query(`SELECT current_setting('harbour.all_tenants') AS all`)).toEqual([{ all: 'on' }]);
      await scope.finish(true);
      await expect(scope.db.queryRunner!.query('SELECT 1')).rejects.toThrow(/released/);
      expect(await dataSource.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
      // One that never ran a statement finishes without taking one; a resolver still running then
      // (a query builder reaches the runner itself) is refused, and the connection stays free.
      const idle = await openRequestScope(dataSource, ALL_TENANTS, { lazy: true });
      await idle.finish(true);
      await expect(idle.db.queryRunner!.query('SELECT 1')).rejects.toThrow(/already finished/);
      expect(await dataSource.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('the connection pool', () => {
  it('applies the statement timeout to every query', async () => {
    const dataSource = createSubgraphDataSource(database.appUrl, SUBGRAPH_MODULES[0]!.database, { statementTimeoutMs: 300, max: 1 });
    await dataSource.initialize();
    try {
      expect(await dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
      await expect(dataSource.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('gives up connecting after the connect timeout when the server never answers', async () => {
    // A loopback listener that accepts connections and says nothing: only the timeout ends the wait.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const dataSource = createSubgraphDataSource(database.appUrl.replace(/@[^/]+\//, `@127.0.0.1:${port}/`), SUBGRAPH_MODULES[0]!.database, {
      connectTimeoutMs: 400,
      max: 1,
    });
    try {
      await expect(dataSource.initialize()).rejects.toThrow(/timeout/i);
    } finally {
      silent.close();
    }
  });
});
