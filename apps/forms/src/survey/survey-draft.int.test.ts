import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { FOREIGN_FORM } from '@harbour/survey-kit/fixtures';
import { database } from '../database';
import { buildFormsSchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFormsSchema();
});

const TRUST = '50000000-0000-4000-8000-000000000000';
const OTHER = '51000000-0000-4000-8000-000000000000';
const admin = callerWith([{ role: 'trust_admin', organisationId: TRUST, tenantId: TRUST }], 'session', '52000000-0000-4000-8000-000000000001');
const otherAdmin = callerWith([{ role: 'trust_admin', organisationId: OTHER, tenantId: OTHER }], 'session', '52000000-0000-4000-8000-000000000002');
const where = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

beforeEach(async () => {
  await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name) VALUES ($1, $1, 'trust', 'Trust'), ($2, $2, 'trust', 'Other Trust')`, [TRUST, OTHER]);
});

async function run<T>(query: string, variables?: Record<string, unknown>, caller = admin) {
  return executeOperation<T>(schema, as(db.app, caller), query, variables);
}

async function createFromInstrument(): Promise<string> {
  const made = await run<{ createSurvey: { id: string } }>(
    `mutation { createSurvey(input: { organisationId: "${TRUST}", title: "Where I belong", instrumentCode: "where_i_belong" }) { id } }`,
  );
  expect(made.errors).toBeUndefined();
  return made.data!.createSurvey.id;
}

const SAVE = 'mutation ($input: SaveSurveyDraftInput!) { saveSurveyDraft(input: $input) { draft } }';
const draftOf = async (id: string) => (await run<{ survey: { draft: unknown } }>(`{ survey(id: "${id}") { draft } }`)).data!.survey.draft;

describe('survey drafts and versions', () => {
  it('starts a draft from an instrument, and refuses each breaking change with its problems, keeping the draft', async () => {
    const id = await createFromInstrument();
    expect(await draftOf(id)).toEqual(where.json);
    const breaking: [string, (json: typeof where.json) => void, string][] = [
      ['changing a core question', (json) => (json.pages[0]!.elements[1]!.title = 'Something else'), 'its wording cannot change'],
      ['deleting a core question', (json) => json.pages[0]!.elements.splice(1, 1), 'cannot be removed'],
      ['a duplicate name', (json) => json.pages[2]!.elements.push({ type: 'text', name: 'bel_valued', title: 'Again' }), 'names must be unique'],
      ['logic naming a missing question', (json) => (json.pages[2]!.elements[2]!.visibleIf = '{nothing} = 1'), 'no question is called that'],
      ['broken JSON', (json) => ((json as unknown as { pages: unknown }).pages = 'nope'), 'A form needs a list of pages'],
    ];
    for (const [what, change, message] of breaking) {
      const json = copy(where.json);
      change(json);
      const result = await run(SAVE, { input: { surveyId: id, json } });
      expect({ what, code: result.errors?.[0]?.extensions?.code }).toEqual({ what, code: 'BAD_USER_INPUT' });
      const problems = result.errors![0]!.extensions!.problems as { path: string; message: string }[];
      expect({ what, found: problems.some((p) => p.message.includes(message)) }).toEqual({ what, found: true });
      expect(await draftOf(id)).toEqual(where.json);
    }
    const scoringText = await run(SAVE, {
      input: { surveyId: id, json: where.json, scoring: { constructs: [{ code: 'x', name: 'X', higherIsBetter: true, favourableAt: 5, items: [{ item: 'bel_comment', min: 1, max: 5 }] }] } },
    });
    expect((scoringText.errors![0]!.extensions!.problems as { message: string }[])[0]!.message).toBe(
      '"bel_comment" is a comment question: only ratings, yes/no and numeric choices can be scored',
    );
  });

  it('publishes immutable numbered versions and diffs them item by item', async () => {
    const id = await createFromInstrument();
    const first = await run<{ publishSurvey: { number: number; contentHash: string } }>(`mutation { publishSurvey(surveyId: "${id}") { number contentHash } }`);
    expect(first.data!.publishSurvey.number).toBe(1);
    const json = copy(where.json);
    json.pages[2]!.elements.push({ type: 'text', name: 'loc_hopes', title: 'What do you hope for in this role?' });
    json.pages[0]!.elements[4]!.visibleIf = "{bel_where} = 'nowhere'";
    expect((await run(SAVE, { input: { surveyId: id, json } })).errors).toBeUndefined();
    const second = await run<{ publishSurvey: { number: number } }>(`mutation { publishSurvey(surveyId: "${id}") { number } }`);
    expect(second.data!.publishSurvey.number).toBe(2);
    // Publishing an unchanged draft makes no new version.
    expect((await run<{ publishSurvey: { number: number } }>(`mutation { publishSurvey(surveyId: "${id}") { number } }`)).data!.publishSurvey.number).toBe(2);
    const history = await run<{ survey: { status: string; versions: { number: number; json: unknown }[]; diff: unknown } }>(
      `{ survey(id: "${id}") { status versions { number json } diff(from: 1, to: 2) { added removed changed { name properties } } } }`,
    );
    expect(history.data!.survey).toEqual({
      status: 'PUBLISHED',
      versions: [
        { number: 1, json: where.json },
        { number: 2, json },
      ],
      diff: { added: ['loc_hopes'], removed: [], changed: [{ name: 'bel_isolated', properties: ['visibleIf'] }] },
    });
    await expect(db.owner.query(`UPDATE forms.survey_version SET json = '{}'`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.owner.query(`DELETE FROM forms.survey_version`)).rejects.toThrow(/cannot be changed or deleted/);
  });

  it('imports a form written elsewhere and exports it back as it was', async () => {
    const made = await run<{ createSurvey: { id: string } }>('mutation ($json: JSONObject!) { createSurvey(input: { organisationId: "' + TRUST + '", title: "Imported", json: $json }) { id } }', {
      json: FOREIGN_FORM,
    });
    expect(made.errors).toBeUndefined();
    const id = made.data!.createSurvey.id;
    await run(`mutation { publishSurvey(surveyId: "${id}") { number } }`);
    const exported = await run<{ survey: { versions: { json: unknown }[] } }>(`{ survey(id: "${id}") { versions { json } } }`);
    expect(exported.data!.survey.versions[0]!.json).toEqual(FOREIGN_FORM);
  });

  it('keeps each tenant\'s surveys to itself', async () => {
    const id = await createFromInstrument();
    const read = await run(`{ survey(id: "${id}") { title } }`, undefined, otherAdmin);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const save = await run(SAVE, { input: { surveyId: id, json: where.json } }, otherAdmin);
    expect(save.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const publish = await run(`mutation { publishSurvey(surveyId: "${id}") { number } }`, undefined, otherAdmin);
    expect(publish.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await run(`mutation { createSurvey(input: { organisationId: "${TRUST}", title: "Sneaky" }) { id } }`, undefined, otherAdmin);
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
