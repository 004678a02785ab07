import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { repoRoot } from '@harbour/config';
import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Every argument of every query and mutation in schema/api.graphql, given what no client
 * should send (a NUL, half a surrogate pair, 10,000-deep nesting, a 10 MB string, the wrong JSON
 * type), one place at a time, with the rest of the input plausible: no internal error, and no
 * answer quotes the password sent.
 */
let platform: TestPlatform;
let admin: Record<string, string>;
const schema = buildSchema(readFileSync(path.join(repoRoot(), 'schema', 'api.graphql'), 'utf8'));
const PASSWORD = 'Fuzz-Password-Never-Echoed-42';

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

/** A value of `type` a client might well send: the required fields of inputs filled, strings named like a password holding PASSWORD. */
function plausible(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, depth);
  if (isListType(type)) return [plausible(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, plausible(f.type, f.name, depth + 1)]));
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'ID':
      return '00000000-0000-4000-8000-000000000001';
    case 'JSONObject':
      return {};
    case 'DateTimeISO':
      return '2026-01-01T00:00:00.000Z';
    default:
      return /password/i.test(name) ? PASSWORD : /email/i.test(name) ? 'fuzz@northmoor.example' : 'fuzz';
  }
}

/** Paths to the text-like leaves of an argument's plausible value (strings, IDs, JSON), and the input objects, each with its type. */
function places(arg: GraphQLArgument): { path: (string | number)[]; kind: 'text' | 'object' }[] {
  const found: { path: (string | number)[]; kind: 'text' | 'object' }[] = [];
  const walk = (type: GraphQLInputType, at: (string | number)[], depth: number) => {
    if (isNonNullType(type)) return walk(type.ofType, at, depth);
    if (isListType(type)) return walk(type.ofType, [...at, 0], depth);
    if (isInputObjectType(type)) {
      found.push({ path: at, kind: 'object' });
      if (depth < 3) for (const field of Object.values(type.getFields())) if (isNonNullType(field.type) || depth === 0) walk(field.type, [...at, field.name], depth + 1);
      return;
    }
    if (isScalarType(type) && ['String', 'ID', 'JSONObject'].includes(type.name)) found.push({ path: at, kind: 'text' });
  };
  walk(arg.type, [], 0);
  return found.slice(0, 6);
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = typeof key === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

// 10,000 levels deep: too deep for JSON.stringify here, so it is written as text into the body in place of DEEP.
const DEEP = '__deep_nesting_here__';
const DEEP_JSON = `${'{"a":'.repeat(10_000)}"bottom"${'}'.repeat(10_000)}`;
const bodyOf = (value: unknown) => JSON.stringify(value).split(JSON.stringify(DEEP)).join(DEEP_JSON);
const deep = DEEP;
const ATTACKS: Record<string, { kinds: ('text' | 'object')[]; value: () => unknown }> = {
  nul: { kinds: ['text'], value: () => `before\u0000after ${PASSWORD}` },
  surrogate: { kinds: ['text'], value: () => `half \ud800 pair` },
  deep: { kinds: ['text', 'object'], value: () => deep },
  wrongType: { kinds: ['text', 'object'], value: () => 'a JSON string where something else belongs' },
  number: { kinds: ['text'], value: () => 12345 },
};

/** The operation that asks `field` with every argument a variable, selecting as little as it can. */
function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args;
  const variables = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returns = getNamedType(field.type);
  const selection = isScalarType(returns) || isEnumType(returns) ? '' : ' { __typename }';
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

describe('every argument of every query and mutation, given what no client should send', () => {
  it('gets no internal error, and no answer quotes the password sent', async () => {
    const tried: string[] = [];
    const internal: string[] = [];
    const echoed: string[] = [];
    const statuses = new Map<number, number>();
    const send = async (label: string, body: string, headers: Record<string, string>) => {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await response.text();
      tried.push(label);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500 || text.includes('INTERNAL_SERVER_ERROR')) internal.push(`${label}: ${response.status} ${text.slice(0, 300)}`);
      if (text.includes(PASSWORD)) echoed.push(`${label}: ${text.slice(0, 300)}`);
    };
    for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as [('query' | 'mutation'), GraphQLObjectType][]) {
      for (const field of Object.values(root.getFields())) {
        const operation = operationOf(kind, field);
        const base = Object.fromEntries(field.args.map((a) => [a.name, plausible(a.type, a.name)]));
        let huge = false;
        for (const arg of field.args) {
          for (const place of places(arg)) {
            for (const [attack, { kinds, value }] of Object.entries(ATTACKS)) {
              if (!kinds.includes(place.kind)) continue;
              const variables = place.path.length ? { ...base, [arg.name]: setAt({ v: base[arg.name] }, ['v', ...place.path], value()).v } : { ...base, [arg.name]: value() };
              const label = `${field.name}(${arg.name}${place.path.map((p) => `.${p}`).join('')}) ${attack}`;
              for (const headers of [admin, {}]) await send(label, bodyOf({ query: operation, variables }), headers);
            }
            if (!huge && place.kind === 'text') {
              huge = true;
              const variables = { ...base, [arg.name]: place.path.length ? setAt({ v: base[arg.name] }, ['v', ...place.path], 'x'.repeat(10 * 1024 * 1024)).v : 'x'.repeat(10 * 1024 * 1024) };
              await send(`${field.name}(${arg.name}) 10 MB`, bodyOf({ query: operation, variables }), admin);
            }
          }
        }
      }
    }
    console.log(`fuzz: ${tried.length} requests; HTTP ${JSON.stringify(Object.fromEntries(statuses))}; ${internal.length} internal errors, ${echoed.length} echoed passwords`);
    expect(tried.length).toBeGreaterThan(500);
    if (internal.length) console.log(platform.output().slice(-4000));
    expect({ internal, echoed }).toEqual({ internal: [], echoed: [] });
  }, 600_000);
});

describe('the bad inputs the issue found', () => {
  const post = async (query: string, variables: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: bodyOf({ query, variables }) });
    return { status: response.status, text: await response.text() };
  };
  const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';

  it('refuses a NUL and deep nesting at the gateway, naming where, and quotes no password back', async () => {
    const nul = await post(SIGN_IN, { input: { email: 'admin@northmoor.example\u0000', password: PASSWORD } });
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.text)).toEqual({ errors: [{ message: 'variables.input.email: contains a NUL character (\\u0000), which Harbour cannot store', extensions: { code: 'BAD_USER_INPUT' } }] });
    const nested = await post(SIGN_IN, { input: deep });
    expect(nested.status).toBe(400);
    expect(nested.text).toContain('nested deeper than 64 levels');
    // A field too many: the reason, not the input, and never the password.
    const extra = await post(SIGN_IN, { input: { email: 'admin@northmoor.example', password: PASSWORD, remember: true } });
    expect(extra.text).not.toContain(PASSWORD);
    expect(JSON.parse(extra.text).errors[0].message).toBe('Variable "$input" got an invalid value; Field "remember" is not defined by type "SignInInput".');
    // A string where the input object belongs.
    const wrong = await post(SIGN_IN, { input: JSON.stringify({ email: 'a', password: PASSWORD }) });
    expect(wrong.text).not.toContain(PASSWORD);
    expect(wrong.text).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers a move into another tenant as the caller\'s mistake, not an internal error', async () => {
    const tenants = JSON.parse((await post('{ organisations(tenantsOnly: true, first: 10) { nodes { id name } } }', {}, admin)).text).data.organisations.nodes as { id: string; name: string }[];
    const northmoor = tenants.find((t) => t.name.startsWith('Northmoor'))!;
    const riverside = tenants.find((t) => t.name.startsWith('Riverside'))!;
    const team = JSON.parse((await post(`mutation { createOrganisation(input: { parentId: "${northmoor.id}", kind: TEAM, name: "Fuzz Move Team" }) { id } }`, {}, admin)).text).data.createOrganisation.id as string;
    const moved = JSON.parse((await post(`mutation { updateOrganisation(input: { id: "${team}", parentId: "${riverside.id}" }) { id } }`, {}, admin)).text);
    expect(moved.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the logs', () => {
  /** The JSON lines the platform's services printed that carry `requestId`. */
  const linesOf = (requestId: string) =>
    platform
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes(requestId))
      .map((line) => JSON.parse(line) as { service: string; requestId?: string; msg: string; status?: number; level: string });

  it('follow one request by its id from the gateway through every subgraph it asked', async () => {
    const requestId = 'trace-fuzz-0001';
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...admin },
      body: JSON.stringify({ query: '{ organisations(first: 1) { nodes { id surveys(first: 1) { nodes { id } } } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    // The last line (the gateway's) is written as its response closes: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = linesOf(requestId);
    expect(lines.every((line) => line.requestId === requestId)).toBe(true);
    expect(new Set(lines.filter((line) => line.msg === 'request').map((line) => line.service))).toEqual(new Set(['gateway', 'directory', 'forms']));
    // The directory's check of the caller is part of the same request.
    expect(lines.some((line) => line.service === 'directory' && (line as { path?: string }).path === '/internal/caller')).toBe(true);
  });

  it('give a request whose id is not a short token an id of its own, so nothing a client sends is written into a log line as it is', async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': '"}, {"level":"fatal","msg":"forged' },
      body: JSON.stringify({ query: '{ roles { code } }' }),
    });
    const given = response.headers.get('x-request-id');
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(linesOf(given!).map((line) => line.service)).toContain('gateway');
    expect(platform.output()).not.toContain('"msg":"forged');
  });

  it('say, with the request\'s id, what the database refused and why', async () => {
    const requestId = 'trace-fuzz-0002';
    const post = (query: string, id?: string) =>
      fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(id ? { 'x-request-id': id } : {}), ...admin },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<{ data?: Record<string, { id: string; nodes?: { id: string; name: string }[] }>; errors?: { extensions?: { code?: string } }[] }>);
    const tenants = (await post('{ organisations(tenantsOnly: true, first: 10) { nodes { id name } } }')).data!.organisations!.nodes!;
    const [northmoor, riverside] = ['Northmoor', 'Riverside'].map((name) => tenants.find((t) => t.name.startsWith(name))!);
    const team = (await post(`mutation { createOrganisation(input: { parentId: "${northmoor!.id}", kind: TEAM, name: "Traced Move Team" }) { id } }`)).data!.createOrganisation!.id;
    const moved = await post(`mutation { updateOrganisation(input: { id: "${team}", parentId: "${riverside!.id}" }) { id } }`, requestId);
    expect(moved.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = linesOf(requestId).filter((line) => line.service === 'directory' && line.msg === 'refused by the database');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.level).toBe('warn');
  });
});
