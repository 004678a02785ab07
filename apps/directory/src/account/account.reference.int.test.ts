import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ANONYMOUS, type Caller } from '@harbour/graphql-kit';
import { as, callerWith, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

describe('Account references (who published a version, say)', () => {
  it('resolve for the account itself, its managers and platform admins; to null for anyone else', async () => {
    const [north, south] = [randomUUID(), randomUUID()];
    for (const [id, name] of [[north, 'North'], [south, 'South']]) {
      await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', $2)`, [id, name]);
    }
    const [publisher, colleague, stranger] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [id, email] of [[publisher, 'publisher@north.example'], [colleague, 'colleague@north.example'], [stranger, 'stranger@south.example']]) {
      await db.owner.query(`INSERT INTO directory.account (id, email, display_name) VALUES ($1, $2, $2)`, [id, email]);
    }
    await db.owner.query(`INSERT INTO directory.access_grant (id, tenant_id, account_id, organisation_id, role) VALUES ($1, $2, $3, $2, 'trust_admin')`, [randomUUID(), north, publisher]);

    const look = async (caller: Caller) => {
      const result = await resolveEntities(schema, as(db.app, caller), [{ __typename: 'Account', id: publisher }], '... on Account { email }');
      expect(result.errors).toBeUndefined();
      return (result.data!._entities as ({ email: string } | null)[])[0];
    };
    const northAdmin = (id: string) => callerWith([{ role: 'trust_admin', organisationId: north, tenantId: north }], 'session', id);
    expect(await look(northAdmin(publisher))).toEqual({ email: 'publisher@north.example' });
    expect(await look(northAdmin(colleague))).toEqual({ email: 'publisher@north.example' });
    expect(await look(PLATFORM_ADMIN)).toEqual({ email: 'publisher@north.example' });
    expect(await look(callerWith([{ role: 'trust_admin', organisationId: south, tenantId: south }], 'session', stranger))).toBeNull();
    expect(await look(callerWith([{ role: 'evaluator', organisationId: north, tenantId: north }], 'session', stranger))).toBeNull();
    expect(await look(ANONYMOUS)).toBeNull();
  });
});
