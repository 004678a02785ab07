import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { repoRoot } from '@harbour/config';
import { LIST_SIZES } from '@harbour/graphql-kit';
import { DEFAULT_LIMITS, limitViolation, measureOperation, withoutSuggestions } from './operation-limits';

const schema = buildSchema(readFileSync(path.join(repoRoot(), 'schema', 'api.graphql'), 'utf8'));
const measure = (query: string, variables?: Record<string, unknown>) => measureOperation(schema, parse(query), variables);

describe('measuring an operation', () => {
  it('counts depth from the root field, leaving out __typename', () => {
    expect(measure('{ roles { code } }').depth).toBe(2);
    expect(measure('{ organisations { nodes { children { nodes { name __typename } } } } }').depth).toBe(5);
  });

  it('multiplies a list\'s fields by its page size: literal, variable or schema default', () => {
    // organisations(first: 10) → 1 + 10 × (nodes: 1 + name: 1)
    expect(measure('{ organisations(first: 10) { nodes { name } } }').cost).toBe(1 + 10 * 2);
    expect(measure('query ($n: Int) { organisations(first: $n) { nodes { name } } }', { n: 20 }).cost).toBe(1 + 20 * 2);
    // A variable not sent counts at the operation's default for it, as execution will use it.
    expect(measure('query ($n: Int = 500) { organisations(first: $n) { nodes { name } } }').cost).toBe(1 + 500 * 2);
    // No `first`: the schema's default page size (50).
    expect(measure('{ organisations { nodes { name } } }').cost).toBe(1 + 50 * 2);
    const nested = measure('{ organisations(first: 500) { nodes { children(first: 500) { nodes { name } } } } }');
    expect(nested.cost).toBe(1 + 500 * (1 + 1 + 500 * 2));
    expect(limitViolation(nested, DEFAULT_LIMITS, { introspectionAllowed: true })?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('follows fragments, and counts aliases', () => {
    const measured = measure(`
      query { a: roles { ...R } b: roles { ...R } }
      fragment R on Role { code name }`);
    // roles has no `first`: counted at its most (LIST_SIZES).
    expect(measured).toEqual({ depth: 2, aliases: 2, cost: 2 * (1 + LIST_SIZES['Query.roles'] * 2), introspects: false });
  });

  it('refuses too deep and too many aliases, and introspection only when not allowed', () => {
    const deep = { depth: 13, aliases: 0, cost: 1, introspects: false };
    expect(limitViolation(deep, DEFAULT_LIMITS, { introspectionAllowed: true })?.extensions.code).toBe('QUERY_TOO_DEEP');
    const aliases = measure(`{ ${Array.from({ length: 31 }, (_, i) => `r${i}: roles { code }`).join(' ')} }`);
    expect(limitViolation(aliases, DEFAULT_LIMITS, { introspectionAllowed: true })?.extensions.code).toBe('TOO_MANY_ALIASES');
    const introspection = measure('{ __schema { types { name } } }');
    expect(introspection.introspects).toBe(true);
    expect(limitViolation(introspection, DEFAULT_LIMITS, { introspectionAllowed: false })?.extensions.code).toBe('INTROSPECTION_DISABLED');
    expect(limitViolation(introspection, DEFAULT_LIMITS, { introspectionAllowed: true })).toBeNull();
  });

  it('strips field suggestions from a message', () => {
    expect(withoutSuggestions('Cannot query field "rols" on type "Query". Did you mean "roles"?')).toBe('Cannot query field "rols" on type "Query".');
  });
});
