import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { database } from './database';
import { buildInsightsSchema } from './schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildInsightsSchema();
});

async function insertResponses(n: number, fields: { surveyId?: string; roleId?: string; completed?: boolean }) {
  for (let i = 0; i < n; i++) {
    const completed = fields.completed ?? true;
    await db.owner.query(
      `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, submitted_at)
       VALUES ($1, $2, $3, $4, $2, $5, $6)`,
      [randomUUID(), randomUUID(), fields.surveyId ?? randomUUID(), fields.roleId ?? randomUUID(), completed ? 'completed' : 'draft', completed ? new Date() : null],
    );
  }
}

describe('insights', () => {
  it('counts completed responses per survey, in one query for many surveys', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await insertResponses(3, { surveyId: a });
    await insertResponses(2, { surveyId: a, completed: false });
    await insertResponses(1, { surveyId: b });
    db.counter.reset();
    const result = await resolveEntities(
      schema,
      as(db.app, PLATFORM_ADMIN),
      [a, b, c].map((id) => ({ __typename: 'Survey', id })),
      '... on Survey { responseCount }',
    );
    expect(result.data!._entities).toEqual([{ responseCount: 3 }, { responseCount: 1 }, { responseCount: 0 }]);
    expect(db.counter.queries).toHaveLength(1);
  });

  it('withholds a role\'s count below five respondents and shows it from five', async () => {
    const [small, enough] = [randomUUID(), randomUUID()];
    await insertResponses(4, { roleId: small });
    await insertResponses(3, { roleId: small, completed: false });
    await insertResponses(5, { roleId: enough });
    const result = await resolveEntities(
      schema,
      as(db.app, PLATFORM_ADMIN),
      [small, enough].map((id) => ({ __typename: 'Role', id })),
      '... on Role { summary { responseCount suppressed minimumGroupSize } }',
    );
    expect(result.data!._entities).toEqual([
      { summary: { responseCount: null, suppressed: true, minimumGroupSize: 5 } },
      { summary: { responseCount: 5, suppressed: false, minimumGroupSize: 5 } },
    ]);
  });

  it('gives an organisation its tenant\'s reporting policy, or the platform default', async () => {
    const [strict, unset, team] = [randomUUID(), randomUUID(), randomUUID()];
    await db.owner.query(
      `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name)
       VALUES ($1, $1, NULL, 'trust', 'Strict Trust'), ($2, $2, NULL, 'trust', 'Unset Trust'), ($3, $1, $1, 'team', 'A team')`,
      [strict, unset, team],
    );
    await db.owner.query('INSERT INTO insights.reporting_policy (tenant_id, min_group_size, min_comments) VALUES ($1, 10, 20)', [strict]);
    const result = await resolveEntities(
      schema,
      as(db.app, PLATFORM_ADMIN),
      [strict, unset, team].map((id) => ({ __typename: 'Organisation', id })),
      '... on Organisation { reportingPolicy { minGroupSize minComments } }',
    );
    expect(result.data!._entities).toEqual([
      { reportingPolicy: { minGroupSize: 10, minComments: 20 } },
      { reportingPolicy: { minGroupSize: 5, minComments: 10 } },
      { reportingPolicy: { minGroupSize: 10, minComments: 20 } },
    ]);
    await expect(
      db.owner.query('INSERT INTO insights.reporting_policy (tenant_id, min_group_size) VALUES ($1, 2)', [randomUUID()]),
    ).rejects.toThrow(/check constraint/);
  });
});
