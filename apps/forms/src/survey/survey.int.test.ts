import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, executeOperation, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildFormsSchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFormsSchema();
});

async function insertSurvey(organisationId: string, title: string, status = 'published') {
  const id = randomUUID();
  await db.owner.query(
    'INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status) VALUES ($1, $2, $2, $3, $4)',
    [id, organisationId, title, status],
  );
  return id;
}

describe('surveys', () => {
  it('gives 50 organisations their own surveys, by title, in one query', async () => {
    const organisations = Array.from({ length: 50 }, () => randomUUID());
    for (const [i, org] of organisations.entries()) {
      await insertSurvey(org, `Where I belong ${i}`);
      await insertSurvey(org, `Starting in a new role ${i}`, 'draft');
    }
    db.counter.reset();
    const result = await resolveEntities<{ _entities: { id: string; surveys: { nodes: { title: string; status: string }[] } }[] }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      organisations.map((id) => ({ __typename: 'Organisation', id })),
      '... on Organisation { id surveys { nodes { title status } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(50);
    expect(result.data!._entities[7]).toEqual({
      id: organisations[7],
      surveys: {
        nodes: [
          { title: 'Starting in a new role 7', status: 'DRAFT' },
          { title: 'Where I belong 7', status: 'PUBLISHED' },
        ],
      },
    });
    expect(db.counter.queries).toHaveLength(1);
  });

  it('returns a survey with its owning organisation, and NOT_FOUND for an unknown one', async () => {
    const org = randomUUID();
    const id = await insertSurvey(org, 'Pulse');
    const found = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ survey(id: "${id}") { title organisation { id } } }`);
    expect(found.data).toEqual({ survey: { title: 'Pulse', organisation: { id: org } } });
    const missing = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ survey(id: "${randomUUID()}") { title } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a blank title or an unknown status in the database itself', async () => {
    await expect(insertSurvey(randomUUID(), '   ')).rejects.toThrow(/check constraint/);
    await expect(insertSurvey(randomUUID(), 'Pulse', 'live')).rejects.toThrow(/check constraint/);
  });
});
