import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@harbour/config';
import { DEMO_RESPONDENT_TOKEN } from '@harbour/demo';
import { GATEWAY_SECRET_HEADER } from '@harbour/graphql-kit';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';
import { isListening, nonLoopbackAddress } from '../support/ports';


/** A GET with the request target sent exactly as given (fetch would normalise it). */
function rawGet(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const ACROSS_ALL_FOUR = `{
  organisations(tenantsOnly: true) {
    nodes {
      name
      kind
      reportingPolicy { minGroupSize }
      surveys {
        nodes {
          id
          title
          responseCount
          responses(first: 3) { nodes { submittedOn } }
        }
      }
    }
  }
  roles { code name summary { responseCount suppressed minimumGroupSize } }
}`;

type Result = {
  organisations: {
    nodes: {
      name: string;
      kind: string;
      reportingPolicy: { minGroupSize: number };
      surveys: { nodes: { id: string; title: string; responseCount: number; responses: { nodes: { submittedOn: string }[] } }[] };
    }[];
  };
  roles: { code: string; summary: { responseCount: number | null; suppressed: boolean; minimumGroupSize: number } }[];
};

async function ownerRows(platform: TestPlatform, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: platform.database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Completed responses per survey id, or per role code with `by = 'role'`, straight from the database. */
async function completedCounts(platform: TestPlatform, by: 'survey' | 'role' = 'survey'): Promise<Map<string, number>> {
  const client = new Client({ connectionString: platform.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      by === 'survey'
        ? `SELECT survey_id AS key, count(*)::int AS n FROM responses.response WHERE status = 'completed' GROUP BY 1`
        : `SELECT ro.code AS key, count(r.id)::int AS n FROM directory.role ro
           LEFT JOIN responses.response r ON r.role_id = ro.id AND r.status = 'completed' GROUP BY 1`,
    );
    return new Map(rows.map((r: { key: string; n: number }) => [r.key, r.n]));
  } finally {
    await client.end();
  }
}

describe.each(['hive', 'apollo'] as const)('the gateway (%s engine), over HTTP', (engine) => {
  let platform: TestPlatform;
  let admin: Record<string, string>;
  beforeAll(async () => {
    platform = await startTestPlatform({ HARBOUR_GATEWAY_ENGINE: engine });
    admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
  }, 60_000);
  afterAll(() => platform?.stop());

  it('answers one query from all four subgraphs with the seeded data', async () => {
    const { status, body } = await postGraphQL(platform.gatewayUrl, ACROSS_ALL_FOUR, admin);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const tenants = (body.data as Result).organisations.nodes;
    expect(tenants.map((t) => [t.name, t.kind])).toEqual([
      ['Northmoor Mental Health NHS Foundation Trust', 'TRUST'],
      ['Riverside Primary Care Network', 'PRIMARY_CARE_NETWORK'],
    ]);
    const expected = await completedCounts(platform);
    const surveys = tenants.flatMap((t) => t.surveys.nodes);
    expect(surveys).toHaveLength(4);
    // Counted as reports count: whole disclosure groups, so 0 or at least 5, never more than were stored.
    expect(surveys.filter((survey) => survey.responseCount > 0).length).toBeGreaterThanOrEqual(2);
    for (const survey of surveys) {
      expect(survey.responseCount).toBeLessThanOrEqual(expected.get(survey.id)!);
      expect(survey.responseCount === 0 || survey.responseCount >= 5).toBe(true);
      expect(survey.responses.nodes).toHaveLength(3);
      for (const response of survey.responses.nodes) expect(response.submittedOn).toMatch(/^2026-\d{2}-\d{2}$/);
    }
    expect(tenants[0]!.reportingPolicy.minGroupSize).toBe(5);
    // Role summaries: the count of whole disclosure groups of the role where there is one, withheld where there is none (so wherever fewer than five answered).
    const byRole = await completedCounts(platform, 'role');
    const roles = (body.data as Result).roles;
    // A platform admin sees the whole catalogue and every tenant's own roles.
    expect(roles).toHaveLength(byRole.size);
    expect(roles.length).toBeGreaterThan(20);
    for (const role of roles) {
      const n = byRole.get(role.code)!;
      expect(role.summary.suppressed).toBe(role.summary.responseCount === null);
      if (n < 5) expect(role.summary.responseCount).toBeNull();
      if (role.summary.responseCount !== null) expect(role.summary.responseCount).toBeGreaterThanOrEqual(5);
      expect(role.summary.responseCount ?? 0).toBeLessThanOrEqual(n);
      expect(role.summary.minimumGroupSize).toBe(5);
    }
  });

  it('returns errors with a stable code, and no stack trace or SQL', async () => {
    const cases: [string, string][] = [
      ['{ organisation(id: "00000000-0000-4000-8000-000000000000") { name } }', 'NOT_FOUND'],
      ['{ organisation(id: "x") { name } }', 'BAD_USER_INPUT'],
      [`{ organisations(after: "${Buffer.from('["a","b"]').toString('base64url')}") { nodes { name } } }`, 'BAD_USER_INPUT'],
      ['{ organisations(first: 501) { nodes { name } } }', 'BAD_USER_INPUT'],
      ['{ organisations(first: 100000) { nodes { name } } }', 'QUERY_TOO_COSTLY'],
    ];
    for (const [query, code] of cases) {
      const { body } = await postGraphQL(platform.gatewayUrl, query, admin);
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+|syntax for type|SELECT /);
    }
  });

  it('answers the sign-in and the queries the README offers, without errors', async () => {
    const readme = readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const bodies = [...readme.matchAll(/--data '(\{"query".*\})'/g)].map((match) => match[1]!);
    // Sign in, the quick start's query, the role evaluation's.
    expect(bodies).toHaveLength(3);
    const post = async (body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      return (await response.json()) as { data?: Record<string, never>; errors?: unknown };
    };
    const signedIn = (await post(bodies[0]!)) as { data?: { signIn: { token: string } }; errors?: unknown };
    expect(signedIn.errors).toBeUndefined();
    const result = (await post(bodies[1]!, { authorization: `Bearer ${signedIn.data!.signIn.token}` })) as {
      data?: { organisations: { nodes: unknown[] }; roles: unknown[] };
      errors?: unknown;
    };
    expect(result.errors).toBeUndefined();
    expect(result.data!.organisations.nodes).toHaveLength(1);
    // The national catalogue and Northmoor's own role; not Riverside's.
    const visibleRoles = await ownerRows(platform, `SELECT count(*)::int AS n FROM directory.role r
      LEFT JOIN directory.organisation o ON o.id = r.tenant_id WHERE r.tenant_id IS NULL OR o.name LIKE 'Northmoor%'`);
    expect(result.data!.roles).toHaveLength((visibleRoles[0] as { n: number }).n);
    const report = (await post(bodies[2]!, { authorization: `Bearer ${signedIn.data!.signIn.token}` })) as {
      data?: { roleEvaluation: { figures: { responded: number } } };
      errors?: unknown;
    };
    expect(report.errors).toBeUndefined();
    expect(report.data!.roleEvaluation.figures.responded).toBeGreaterThan(100);
  });

  it('answers malformed request paths with 400 and keeps serving', async () => {
    const origin = new URL(platform.webUrl);
    for (const target of ['/%', '/%E0%A4%A', '//', '//graphql']) {
      const status = await rawGet(Number(origin.port), target);
      expect([400, 200]).toContain(status);
    }
    expect(await rawGet(Number(origin.port), '/%')).toBe(400);
    const { status } = await postGraphQL(platform.gatewayUrl, '{ roles { code } }');
    expect(status).toBe(200);
  });

  it('serves the web app at / and for the app\'s own routes', async () => {
    const base = platform.webUrl;
    for (const path of ['', 's/some-token']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('opens the demo respondent\'s link the start prints, to the open demo campaign', async () => {
    const { body } = await postGraphQL(platform.gatewayUrl, `{ invitation(token: "${DEMO_RESPONDENT_TOKEN}") { campaignName surveyTitle state open } }`);
    expect(body).toEqual({ data: { invitation: { campaignName: 'Where I belong: this quarter', surveyTitle: 'Where I belong: quarterly', state: 'INVITED', open: true } } });
  });
});

describe('a subgraph called directly', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 60_000);
  afterAll(() => platform?.stop());

  it('answers 401 with no data when the gateway secret is missing', async () => {
    for (const url of Object.values(platform.subgraphUrls)) {
      const { status, body } = await postGraphQL(url, '{ __typename }');
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 with no data when the secret is wrong', async () => {
    const { status, body } = await postGraphQL(platform.subgraphUrls.directory!, '{ roles { name } }', {
      [GATEWAY_SECRET_HEADER]: 'guess',
    });
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
  });

  it('answers 413 to a body over the limit (8 MiB and a little), before any GraphQL work', async () => {
    const response = await fetch(platform.subgraphUrls.directory!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: platform.gatewaySecret },
      body: JSON.stringify({ query: `{ roles { code } } # ${'x'.repeat(9 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers when the secret is right, and listens on loopback only', async () => {
    const url = platform.subgraphUrls.directory!;
    expect(new URL(url).hostname).toBe('127.0.0.1');
    // Reachable on loopback, not on the machine's own network address (where it has one).
    const outside = nonLoopbackAddress();
    if (outside) expect(await isListening(Number(new URL(url).port), outside)).toBe(false);
    const { status, body } = await postGraphQL(url, '{ roles { code } }', { [GATEWAY_SECRET_HEADER]: platform.gatewaySecret });
    expect(status).toBe(200);
    // No caller: the national catalogue only.
    const national = await ownerRows(platform, 'SELECT count(*)::int AS n FROM directory.role WHERE tenant_id IS NULL');
    expect((body.data as { roles: unknown[] }).roles).toHaveLength((national[0] as { n: number }).n);
  });
});
