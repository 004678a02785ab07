import { randomUUID } from 'node:crypto';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, executeOperation, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { log, maskUnexpectedError } from '@harbour/graphql-kit';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

async function insertOrganisation(name: string, kind: string, parent?: { id: string; tenantId: string }) {
  const id = randomUUID();
  const tenantId = parent?.tenantId ?? id;
  await db.owner.query(
    'INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $2, $3, $4, $5)',
    [id, tenantId, parent?.id ?? null, kind, name],
  );
  return { id, tenantId, name };
}

/** A PCN with `n` practices named Practice 001…, returned in name order. */
async function pcnWithPractices(n: number, name = 'Riverside PCN') {
  const pcn = await insertOrganisation(name, 'primary_care_network');
  const practices = [];
  for (let i = 1; i <= n; i++) practices.push(await insertOrganisation(`Practice ${String(i).padStart(3, '0')}`, 'practice', pcn));
  return { pcn, practices };
}

type PageResult = { organisations: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

describe('organisations', () => {
  it('lists 50 organisations with parent, children and tenant in a fixed number of queries', async () => {
    await pcnWithPractices(60);
    db.counter.reset();
    const result = await executeOperation<{
      organisations: { nodes: { name: string; parent: { name: string } | null; children: { nodes: unknown[] }; tenant: { name: string } }[] };
    }>(schema, as(db.app, PLATFORM_ADMIN), '{ organisations(first: 50) { nodes { name parent { name } children(first: 3) { nodes { name } } tenant { name } } } }');
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.organisations.nodes;
    expect(nodes).toHaveLength(50);
    expect(nodes[0]).toEqual({ name: 'Practice 001', parent: { name: 'Riverside PCN' }, children: { nodes: [] }, tenant: { name: 'Riverside PCN' } });
    // One for the page, one batch for parents and tenants, one batch for children: not one per row.
    expect(db.counter.queries.length).toBeLessThanOrEqual(3);
  });

  it('pages through every organisation by name, each exactly once', async () => {
    const { pcn, practices } = await pcnWithPractices(23);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: ExecutionResult<PageResult> = await executeOperation<PageResult>(
        schema,
        as(db.app, PLATFORM_ADMIN),
        'query ($after: String) { organisations(first: 5, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.organisations;
      seen.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toEqual([...practices.map((p) => p.id), pcn.id]);
  });

  it('pages through an organisation\'s children by name', async () => {
    const { pcn, practices } = await pcnWithPractices(5);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const result: ExecutionResult<{ organisation: { children: PageResult['organisations'] } }> = await executeOperation(
        schema,
        as(db.app, PLATFORM_ADMIN),
        'query ($id: ID!, $after: String) { organisation(id: $id) { children(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } } }',
        { id: pcn.id, after },
      );
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo } = result.data!.organisation.children;
      seen.push(...nodes.map((n) => n.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(practices.map((p) => p.id));
  });

  it('gives many organisations their first page of children in one query', async () => {
    await pcnWithPractices(3, 'Alder PCN');
    await pcnWithPractices(1, 'Birch PCN');
    const result = await executeOperation<{ organisations: { nodes: { name: string; children: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean } } }[] } }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      '{ organisations(tenantsOnly: true) { nodes { name children(first: 2) { nodes { name } pageInfo { hasNextPage } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.organisations.nodes.map((n) => n.children)).toEqual([
      { nodes: [{ name: 'Practice 001' }, { name: 'Practice 002' }], pageInfo: { hasNextPage: true } },
      { nodes: [{ name: 'Practice 001' }], pageInfo: { hasNextPage: false } },
    ]);
    // One query for the page of tenants, one for every tenant's children.
    expect(db.counter.queries.filter((q) => q.includes('CROSS JOIN LATERAL'))).toHaveLength(1);
  });

  it('filters by kind and to tenants only', async () => {
    await pcnWithPractices(3);
    await insertOrganisation('Northmoor Trust', 'trust');
    const tenants = await executeOperation<{ organisations: { nodes: { name: string }[] } }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      '{ organisations(tenantsOnly: true) { nodes { name kind } } }',
    );
    expect(tenants.data!.organisations.nodes).toEqual([
      { name: 'Northmoor Trust', kind: 'TRUST' },
      { name: 'Riverside PCN', kind: 'PRIMARY_CARE_NETWORK' },
    ]);
    const practices = await executeOperation<{ organisations: { nodes: unknown[] } }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      '{ organisations(kind: PRACTICE) { nodes { name } } }',
    );
    expect(practices.data!.organisations.nodes).toHaveLength(3);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a forged cursor', async () => {
    const missing = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ organisation(id: "${randomUUID()}") { name } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const forged = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), '{ organisations(after: "not-a-cursor") { nodes { name } } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), '{ organisations(first: 501) { nodes { name } } }');
    expect(tooMany.errors?.[0]?.message).toMatch(/^first: .*500/);
    expect(tooMany.errors?.[0]?.extensions?.problems).toEqual([{ field: 'first', message: expect.stringContaining('500') }]);
  });

  it('answers BAD_USER_INPUT for an id or cursor that cannot be valid, before any SQL', async () => {
    db.counter.reset();
    const badId = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), '{ organisation(id: "x") { name } }');
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0]?.message).toBe('"id" must be a Harbour id (a UUID), got "x"');
    const wellFormedButForged = Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url');
    const forged = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ organisations(after: "${wellFormedButForged}") { nodes { name } } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(db.counter.queries).toHaveLength(0);
  });

  it('answers what PostgreSQL refuses (an id that is no UUID) as BAD_USER_INPUT, with no database detail', async () => {
    const result = await resolveEntities(schema, as(db.app, PLATFORM_ADMIN), [{ __typename: 'Organisation', id: 'not-a-uuid' }], '... on Organisation { name }');
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toBe('A value is not of the right kind');
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REFUSED_BY_DATABASE' });
    expect(JSON.stringify(result)).not.toMatch(/uuid|syntax|SELECT/i);
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with no detail, and logs it', () => {
    const spy = jest.spyOn(log, 'error').mockImplementation(() => undefined);
    try {
      const masked = maskUnexpectedError({ message: 'relation "directory.secret_table" does not exist', path: ['organisation'] }, new Error('relation "directory.secret_table" does not exist'));
      expect(masked).toEqual({ message: 'Internal server error', path: ['organisation'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(spy).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message: expect.stringContaining('secret_table') }) }), 'resolver failed');
    } finally {
      spy.mockRestore();
    }
  });

  it('resolves references from other subgraphs in one batch, null for unknown ids', async () => {
    const { practices } = await pcnWithPractices(5);
    db.counter.reset();
    const unknown = randomUUID();
    const result = await resolveEntities<{ _entities: ({ name: string } | null)[] }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      [...practices.map((p) => ({ __typename: 'Organisation', id: p.id })), { __typename: 'Organisation', id: unknown }],
      '... on Organisation { name }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([...practices.map((p) => ({ name: p.name })), null]);
    expect(db.counter.queries).toHaveLength(1);
  });
});
