import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNullableType, isListType, isObjectType, Kind, parse, type GraphQLField, type OperationDefinitionNode } from 'graphql';
import { repoRoot } from '@harbour/config';
import { FIELD_WEIGHTS, LIST_SIZES } from '@harbour/graphql-kit';
import { RESPONDENT_INVITATION_QUERY } from '@harbour/survey-kit/respondent-page';
import { DEFAULT_LIMITS, measureOperation } from './operation-limits';

const schema = buildSchema(readFileSync(path.join(repoRoot(), 'schema', 'api.graphql'), 'utf8'));

/** Every list field of the composed schema, as `Type.field`, with its definition. */
function listFields(): Map<string, GraphQLField<unknown, unknown>> {
  const found = new Map<string, GraphQLField<unknown, unknown>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type))) found.set(`${type.name}.${field.name}`, field);
    }
  }
  return found;
}

const paged = (name: string, field: GraphQLField<unknown, unknown>) => field.args.some((a) => a.name === 'first') || (name.endsWith('Connection.nodes'));

describe('the size of every list', () => {
  it('is known: a list field has `first`, is a connection\'s nodes, or has its most in LIST_SIZES', () => {
    const unbounded = [...listFields()].filter(([name, field]) => !paged(name, field) && !(name in LIST_SIZES)).map(([name]) => name);
    expect(unbounded).toEqual([]);
  });

  it('names only list fields without `first` that the schema has', () => {
    const fields = listFields();
    const stale = Object.keys(LIST_SIZES).filter((name) => !fields.has(name) || paged(name, fields.get(name)!));
    expect(stale).toEqual([]);
  });

  it('is stated in the field\'s description', () => {
    const fields = listFields();
    const unstated = Object.entries(LIST_SIZES)
      .filter(([name, size]) => !fields.get(name)?.description?.includes(`At most ${size}.`))
      .map(([name]) => name);
    expect(unstated).toEqual([]);
  });

  it('counts a form\'s JSON as the thousand fields it may be: 500 drafts in a request are refused, 50 are not', () => {
    const drafts = (first: number) => measureOperation(schema, parse(`{ organisation(id: "x") { surveys(first: ${first}) { nodes { draft } } } }`));
    // organisation 1, surveys 1, then per survey: nodes 1 and draft its weight.
    expect(drafts(50).cost).toBe(2 + 50 * (1 + FIELD_WEIGHTS['Survey.draft']!));
    expect(drafts(50).cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(drafts(500).cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    const unknown = Object.keys(FIELD_WEIGHTS).filter((name) => {
      const [typeName, fieldName] = name.split('.') as [string, string];
      const type = schema.getType(typeName);
      return !(type && isObjectType(type) && type.getFields()[fieldName]);
    });
    expect(unknown).toEqual([]);
    const unstated = Object.entries(FIELD_WEIGHTS).filter(([name, weight]) => {
      const [typeName, fieldName] = name.split('.') as [string, string];
      const type = schema.getType(typeName);
      return !(type && isObjectType(type) && type.getFields()[fieldName]?.description?.includes(`Counts as ${weight} fields`));
    });
    expect(unstated).toEqual([]);
  });

  it('counts in the cost estimate: a list without `first` at its most', () => {
    const roles = measureOperation(schema, parse('{ roles { code name } }'));
    expect(roles.cost).toBe(1 + LIST_SIZES['Query.roles'] * 2);
  });
});

/**
 * The GraphQL documents the web app sends: every graphql(`…`) literal in apps/web/src, the
 * explorer's saved operations (`query: `…``), and the query the gateway asks for a personal link's page.
 */
function webDocuments(): { file: string; text: string }[] {
  const root = path.join(repoRoot(), 'apps', 'web', 'src');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'));
  const documents: { file: string; text: string }[] = [{ file: '@harbour/survey-kit/respondent-page', text: RESPONDENT_INVITATION_QUERY }];
  for (const file of files) {
    for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(/(?:graphql\(\s*|query: )`([^`]*)`/g)) {
      // A template with a hole is built at run time, not sent as written.
      if (!match[1]!.includes('${')) documents.push({ file, text: match[1]! });
    }
  }
  return documents;
}

describe('the web app\'s operations', () => {
  it('each fit the cost limit, their paged lists counted at the pages they ask for (500 where a variable says)', () => {
    const documents = webDocuments();
    const fragments = documents.filter((d) => d.text.trim().startsWith('fragment')).map((d) => d.text).join('\n');
    const costs: { operation: string; cost: number }[] = [];
    for (const { file, text } of documents) {
      if (text.trim().startsWith('fragment')) continue;
      const document = parse(`${text}\n${fragments}`);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      // A page size given as a variable counts as the largest page.
      const variables = Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => v.variable.name.value === 'first').map((v) => [v.variable.name.value, 500]));
      costs.push({ operation: `${operation.name?.value ?? '(anonymous)'} (${file})`, cost: measureOperation(schema, document, variables).cost });
    }
    expect(costs.length).toBeGreaterThan(40);
    costs.sort((a, b) => b.cost - a.cost);
    console.log(`the web app's costliest operations (limit ${DEFAULT_LIMITS.maxCost}):\n${costs.slice(0, 8).map((c) => `${String(c.cost).padStart(8)}  ${c.operation}`).join('\n')}`);
    expect(costs.filter((c) => c.cost > DEFAULT_LIMITS.maxCost)).toEqual([]);
  });
});
