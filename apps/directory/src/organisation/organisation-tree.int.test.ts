import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, callerWith, executeOperation, PLATFORM_ADMIN } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

const TENANT = '10000000-0000-4000-8000-000000000000';

/**
 * A trust of 10,021 organisations: 20 localities, 20 services in each, 24 teams in each
 * service. Ids are deterministic: locality L is …-1LL…, service S of it …-2LLSS…
 */
async function buildTree(): Promise<void> {
  await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Big Trust')`, [TENANT]);
  await db.owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name)
     SELECT format('20000000-0000-4000-8000-%s', lpad(l::text, 12, '0'))::uuid, $1, $1, 'locality', format('Locality %s', lpad(l::text, 2, '0'))
     FROM generate_series(1, 20) l`,
    [TENANT],
  );
  await db.owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name)
     SELECT format('30000000-0000-4000-8000-%s', lpad((l * 100 + s)::text, 12, '0'))::uuid, $1,
            format('20000000-0000-4000-8000-%s', lpad(l::text, 12, '0'))::uuid, 'service', format('Service %s-%s', l, s)
     FROM generate_series(1, 20) l, generate_series(1, 20) s`,
    [TENANT],
  );
  await analyse();
  await db.owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name)
     SELECT gen_random_uuid(), $1, format('30000000-0000-4000-8000-%s', lpad((l * 100 + s)::text, 12, '0'))::uuid, 'team', format('Team %s-%s-%s', l, s, t)
     FROM generate_series(1, 20) l, generate_series(1, 20) s, generate_series(1, 24) t`,
    [TENANT],
  );
  await analyse();
}

/**
 * Queries (the teams' foreign-key checks, the pages of descendants) are planned from the
 * tables' statistics. Left to autovacuum, those may still describe the previous test's
 * truncated tables: every lookup then scans, and a test took 30 to 40 s instead of 2.
 * A real tree grows by hand, a few organisations at a time, and autovacuum keeps up.
 */
function analyse(): Promise<unknown> {
  return db.owner.query('ANALYZE directory.organisation, directory.organisation_closure');
}

const locality = (l: number) => `20000000-0000-4000-8000-${String(l).padStart(12, '0')}`;
const service = (l: number, s: number) => `30000000-0000-4000-8000-${String(l * 100 + s).padStart(12, '0')}`;

/** Pairs the closure table holds that a recursive walk of parent links does not, and the reverse. */
async function closureDrift(): Promise<number> {
  const [{ n }] = await db.owner.query(`
    WITH RECURSIVE up AS (
      SELECT id AS descendant_id, id AS ancestor_id, parent_id, 0 AS depth FROM directory.organisation
      UNION ALL SELECT up.descendant_id, o.id, o.parent_id, up.depth + 1 FROM up JOIN directory.organisation o ON o.id = up.parent_id
    ), walked AS (SELECT ancestor_id, descendant_id, depth FROM up),
    stored AS (SELECT ancestor_id, descendant_id, depth FROM directory.organisation_closure)
    SELECT (SELECT count(*) FROM (SELECT * FROM walked EXCEPT SELECT * FROM stored) a)
         + (SELECT count(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM walked) b) AS n`);
  return Number(n);
}

type Descendants = { organisation: { descendants: { nodes: { id: string; kind: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } };

async function allDescendants(id: string, kind?: string): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const result: { data?: Descendants | null; errors?: unknown } = await executeOperation<Descendants>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      `query ($id: ID!, $after: String, $kind: OrganisationKind) {
        organisation(id: $id) { descendants(first: 500, after: $after, kind: $kind) { nodes { id kind } pageInfo { endCursor hasNextPage } } }
      }`,
      { id, after, kind: kind ?? null },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data!.organisation.descendants;
    seen.push(...page.nodes.map((n) => n.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return seen;
}

describe('the organisation tree, 10,021 organisations deep in one trust', () => {
  beforeEach(buildTree);

  it('keeps the closure table exactly in step with the parent links', async () => {
    const [{ n }] = await db.owner.query(`SELECT count(*)::int AS n FROM directory.organisation`);
    expect(n).toBe(10_021);
    expect(await closureDrift()).toBe(0);
  });

  it('answers a subtree from the closure table\'s index, not by scanning', async () => {
    const plan: { 'QUERY PLAN': string }[] = await db.owner.query(
      `EXPLAIN SELECT o.id FROM directory.organisation_closure c JOIN directory.organisation o ON o.id = c.descendant_id
       WHERE c.ancestor_id = $1 AND c.depth > 0`,
      [locality(3)],
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) organisation_closure_pkey/);
    expect(text).not.toMatch(/Seq Scan on organisation_closure/);
  });

  it('lists everything below an organisation, at every depth, through GraphQL', async () => {
    const below = await allDescendants(locality(3));
    expect(below).toHaveLength(20 + 20 * 24);
    expect(new Set(below).size).toBe(below.length);
    expect(await allDescendants(locality(3), 'SERVICE')).toHaveLength(20);
    expect(await allDescendants(TENANT)).toHaveLength(10_020);
  });

  it('moves a service and its teams to another locality, and refuses a move below itself', async () => {
    const move = await executeOperation(
      schema,
      as(db.app, PLATFORM_ADMIN),
      `mutation { updateOrganisation(input: { id: "${service(3, 1)}", parentId: "${locality(4)}" }) { parent { id } ancestors { id } } }`,
    );
    expect(move.errors).toBeUndefined();
    expect(move.data).toEqual({ updateOrganisation: { parent: { id: locality(4) }, ancestors: [{ id: locality(4) }, { id: TENANT }] } });
    expect(await allDescendants(locality(3))).toHaveLength(19 + 19 * 24);
    expect(await allDescendants(locality(4))).toHaveLength(21 + 21 * 24);
    expect(await closureDrift()).toBe(0);
    const loop = await executeOperation(
      schema,
      as(db.app, PLATFORM_ADMIN),
      `mutation { updateOrganisation(input: { id: "${locality(4)}", parentId: "${service(3, 1)}" }) { id } }`,
    );
    expect(loop.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await closureDrift()).toBe(0);
  });

  it('lets a grant on a locality see and manage that subtree only', async () => {
    const lead = callerWith([{ role: 'trust_admin', organisationId: locality(2), tenantId: TENANT }]);
    const mine = await executeOperation(schema, as(db.app, lead), `{ organisations(first: 500, kind: SERVICE) { nodes { id } } }`);
    expect((mine.data as { organisations: { nodes: unknown[] } }).organisations.nodes).toHaveLength(20);
    const other = await executeOperation(schema, as(db.app, lead), `{ organisation(id: "${service(5, 1)}") { name } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const add = await executeOperation(
      schema,
      as(db.app, lead),
      `mutation { createOrganisation(input: { parentId: "${service(2, 1)}", kind: TEAM, name: "New team", odsCode: "RX123" }) { name odsCode tenant { id } } }`,
    );
    expect(add.errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // the tenant sits above the grant
    // That error rolled the whole request back: the same ODS code is free again.
    const addMine = await executeOperation(
      schema,
      as(db.app, lead),
      `mutation { createOrganisation(input: { parentId: "${service(2, 1)}", kind: TEAM, name: "New team", odsCode: "RX123" }) { name odsCode parent { id } } }`,
    );
    expect(addMine.errors).toBeUndefined();
    expect(addMine.data).toEqual({ createOrganisation: { name: 'New team', odsCode: 'RX123', parent: { id: service(2, 1) } } });
    const elsewhere = await executeOperation(
      schema,
      as(db.app, lead),
      `mutation { createOrganisation(input: { parentId: "${service(6, 1)}", kind: TEAM, name: "Not mine" }) { id } }`,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
