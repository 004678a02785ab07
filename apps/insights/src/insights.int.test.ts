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

/** `n` people's responses as the rollups hold them: one group (tenant, survey, role, month), in a trust of its own. */
async function insertRollup(n: number, fields: { tenantId: string; surveyId?: string; roleId?: string }) {
  await db.owner.query(
    `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $1, NULL, 'trust', 'A trust') ON CONFLICT DO NOTHING`,
    [fields.tenantId],
  );
  await db.owner.query(
    `INSERT INTO responses.rollup (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, tenure_band, measure, n, total, total_sq, favourable)
     VALUES ($1, $2, $3, '2026-06-01', $1, $4, '3-6', 'responses', $5::int, $5::float8, $5::float8, 0)`,
    [fields.tenantId, randomUUID(), fields.surveyId ?? randomUUID(), fields.roleId ?? randomUUID(), n],
  );
  if (fields.surveyId) {
    await db.owner.query(`INSERT INTO forms.survey (id, tenant_id, organisation_id, title) VALUES ($1, $2, $2, 'A survey') ON CONFLICT DO NOTHING`, [fields.surveyId, fields.tenantId]);
  }
  await db.owner.query(`INSERT INTO responses.rollup_version AS v (tenant_id, version) VALUES ($1, 1) ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1`, [fields.tenantId]);
}

describe('insights', () => {
  it('counts completed responses per survey as reports do (whole groups of five or more), in as many queries for many surveys as for few', async () => {
    const tenantId = randomUUID();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await insertRollup(6, { tenantId, surveyId: a });
    await insertRollup(3, { tenantId, surveyId: b });
    const count = (ids: string[]) => resolveEntities(schema, as(db.app, PLATFORM_ADMIN), ids.map((id) => ({ __typename: 'Survey', id })), '... on Survey { responseCount }');
    const result = await count([a, b, c]);
    // Three people are too few to report: as a report would, the count leaves them out.
    expect(result.data!._entities).toEqual([{ responseCount: 6 }, { responseCount: 0 }, { responseCount: 0 }]);
    db.counter.reset();
    await count([a, b, c]);
    const few = db.counter.queries.length;
    db.counter.reset();
    await count([a, b, c, randomUUID(), randomUUID(), randomUUID()]);
    expect(db.counter.queries.length).toBe(few);
  });

  it('withholds a role\'s count where no group of the role reaches five, and shows it from five', async () => {
    const tenantId = randomUUID();
    const [small, enough] = [randomUUID(), randomUUID()];
    await insertRollup(4, { tenantId, roleId: small });
    await insertRollup(5, { tenantId, roleId: enough });
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
