import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, executeOperation, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

describe('roles', () => {
  it('lists national roles before a tenant\'s own, and refuses a duplicate national code', async () => {
    const tenant = randomUUID();
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Trust')`, [tenant]);
    await db.owner.query(
      `INSERT INTO directory.role (id, tenant_id, code, name) VALUES
       ($1, NULL, 'peer_support_worker', 'Peer support worker'),
       ($2, $4, 'recovery_navigator', 'Recovery navigator'),
       ($3, NULL, 'care_coordinator', 'Care coordinator')`,
      [randomUUID(), randomUUID(), randomUUID(), tenant],
    );
    const result = await executeOperation<{ roles: { code: string; national: boolean }[] }>(schema, as(db.app, PLATFORM_ADMIN), '{ roles { code national } }');
    expect(result.data!.roles).toEqual([
      { code: 'care_coordinator', national: true },
      { code: 'peer_support_worker', national: true },
      { code: 'recovery_navigator', national: false },
    ]);
    await expect(
      db.owner.query(`INSERT INTO directory.role (id, code, name) VALUES ($1, 'care_coordinator', 'Again')`, [randomUUID()]),
    ).rejects.toThrow(/role_national_code_idx/);
  });

  it('resolves Role references', async () => {
    const id = randomUUID();
    await db.owner.query(`INSERT INTO directory.role (id, code, name) VALUES ($1, 'clinical_pharmacist', 'Clinical pharmacist')`, [id]);
    const result = await resolveEntities(schema, as(db.app, PLATFORM_ADMIN), [{ __typename: 'Role', id }], '... on Role { name code }');
    expect(result.data!._entities).toEqual([{ name: 'Clinical pharmacist', code: 'clinical_pharmacist' }]);
  });
});
