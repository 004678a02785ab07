import { randomUUID } from 'node:crypto';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { decodeCursor } from '@harbour/graphql-kit';
import { as, executeOperation, PLATFORM_ADMIN, resolveEntities } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildResponsesSchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildResponsesSchema();
});

const survey = randomUUID();
const role = randomUUID();

async function insertResponse(submittedAt: string | null, surveyId = survey) {
  const id = randomUUID();
  await db.owner.query(
    `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status, started_at, submitted_at)
     VALUES ($1, $2, $3, $4, $2, $5, '2026-01-01T00:00:00Z', $6)`,
    [id, randomUUID(), surveyId, role, submittedAt ? 'completed' : 'draft', submittedAt],
  );
  return id;
}

type Page = { _entities: { responses: { nodes: { id: string; submittedOn: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }[] };

describe('responses to a survey', () => {
  it('pages through completed responses newest day first, leaving drafts out', async () => {
    const days = ['2026-03-01', '2026-03-04', '2026-03-02', '2026-03-04', '2026-03-03'];
    for (const day of days) await insertResponse(`${day}T10:${String(Math.floor(Math.random() * 60)).padStart(2, '0')}:00Z`);
    await insertResponse(null);
    await insertResponse('2026-03-05T09:00:00Z', randomUUID());
    const seen: { id: string; submittedOn: string }[] = [];
    let after: string | null = null;
    do {
      const result: ExecutionResult<Page> = await resolveEntities<Page>(
        schema,
        as(db.app, PLATFORM_ADMIN),
        [{ __typename: 'Survey', id: survey }],
        `... on Survey { responses(first: 2${after ? `, after: "${after}"` : ''}) { nodes { id submittedOn } pageInfo { endCursor hasNextPage } } }`,
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!._entities[0]!.responses;
      seen.push(...page.nodes);
      if (page.pageInfo.endCursor) {
        // The cursor carries the day, never the time of submission.
        expect(decodeCursor(page.pageInfo.endCursor, ['date', 'uuid'])[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((r) => r.submittedOn)).toEqual(['2026-03-04', '2026-03-04', '2026-03-03', '2026-03-02', '2026-03-01']);
    expect(new Set(seen.map((r) => r.id)).size).toBe(5);
  });

  it('gives 50 surveys their first page of responses in one query, and records the 50 reads in one more', async () => {
    const surveys = Array.from({ length: 50 }, () => randomUUID());
    for (const [i, id] of surveys.entries()) {
      for (let day = 1; day <= (i % 4) + 1; day++) await insertResponse(`2026-05-0${day}T12:00:00Z`, id);
    }
    db.counter.reset();
    const result = await resolveEntities<{ _entities: { responses: { nodes: { submittedOn: string }[]; pageInfo: { hasNextPage: boolean } } }[] }>(
      schema,
      as(db.app, PLATFORM_ADMIN),
      surveys.map((id) => ({ __typename: 'Survey', id })),
      '... on Survey { responses(first: 2) { nodes { submittedOn } pageInfo { hasNextPage } } }',
    );
    expect(result.errors).toBeUndefined();
    const pages = result.data!._entities.map((e) => e.responses);
    expect(pages[0]).toEqual({ nodes: [{ submittedOn: '2026-05-01' }], pageInfo: { hasNextPage: false } });
    expect(pages[3]).toEqual({ nodes: [{ submittedOn: '2026-05-04' }, { submittedOn: '2026-05-03' }], pageInfo: { hasNextPage: true } });
    expect(db.counter.queries).toHaveLength(2);
    expect(db.counter.queries[1]).toMatch(/^INSERT INTO responses\.audit_event/);
    const [{ n }] = await db.owner.query(`SELECT count(*)::int AS n FROM responses.audit_event WHERE action = 'responses.read'`);
    expect(n).toBe(50);
  });

  it('returns one response with its survey as a reference, and nothing about the respondent', async () => {
    const id = await insertResponse('2026-04-01T08:30:00Z');
    const result = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ response(id: "${id}") { status submittedOn survey { id } } }`);
    expect(result.data).toEqual({ response: { status: 'COMPLETED', submittedOn: '2026-04-01', survey: { id: survey } } });
    const role = await executeOperation(schema, as(db.app, PLATFORM_ADMIN), `{ response(id: "${id}") { role { id } } }`);
    expect(role.errors?.[0]?.message).toMatch(/Cannot query field "role"/);
  });

  it('keeps status and submission time consistent in the database', async () => {
    await expect(
      db.owner.query(
        `INSERT INTO responses.response (id, tenant_id, survey_id, role_id, organisation_id, status) VALUES ($1, $1, $1, $1, $1, 'completed')`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
