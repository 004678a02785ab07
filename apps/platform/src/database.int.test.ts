import { Client } from 'pg';
import { createSubgraphDataSource, migrateSubgraph, APP_ROLE } from '@harbour/db';
import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
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

  it('can read and write rows but not change the schema or read migration history', async () => {
    await expect(app.query('SELECT count(*) FROM directory.organisation')).resolves.toBeTruthy();
    await expect(app.query('CREATE TABLE directory.sneaky (id int)')).rejects.toThrow(/permission denied/);
    await expect(app.query('ALTER TABLE forms.survey ADD COLUMN x int')).rejects.toThrow(/must be owner/);
    await expect(app.query('DROP TABLE responses.response')).rejects.toThrow(/must be owner/);
    await expect(app.query('SELECT * FROM directory.migrations')).rejects.toThrow(/permission denied/);
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
      await expect(migrateSubgraph(database.ownerUrl, subgraph.database, APP_ROLE)).resolves.toEqual([]);
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

  it('gives up connecting after the connect timeout', async () => {
    // Port 1 on loopback: refused at once, or (where filtered) ended by the timeout.
    const unreachable = database.appUrl.replace(/@[^/]+\//, '@127.0.0.1:1/');
    const dataSource = createSubgraphDataSource(unreachable, SUBGRAPH_MODULES[0]!.database, { connectTimeoutMs: 500, max: 1 });
    await expect(dataSource.initialize()).rejects.toThrow(/ECONNREFUSED|timeout/);
  });
});
