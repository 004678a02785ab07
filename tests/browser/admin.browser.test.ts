import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_RESPONDENT_TOKEN } from '@harbour/demo';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { launchBrowser, pageViolations } from '../support/browser';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** A signed-in page at `path`, once its heading shows. */
async function signedIn(email: string, path = '/', width = 1280, password = DEMO_PASSWORD): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const troubles: string[] = [];
  page.on('console', (message) => message.type() === 'error' && troubles.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && troubles.push(`${response.status()} ${response.url()}`));
  await page.goto(platform.webUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The navigation is drawn once the account's access has loaded.
  await page
    .getByRole('navigation', { name: 'Harbour' })
    .getByRole('link', { name: 'Organisations', exact: true })
    .waitFor()
    .catch(async (error: Error) => {
      // Say what the page showed instead, so a failure in CI can be read from its log.
      const shown = await page.locator('main').innerText().catch(() => '(no main)');
      throw new Error(`${email} did not reach the navigation: the page showed ${JSON.stringify(shown.slice(0, 400))}; troubles: ${JSON.stringify(troubles.slice(0, 10))}\n${error.message}`);
    });
  if (path !== '/') await page.getByRole('navigation', { name: 'Harbour' }).getByRole('link', { name: PAGE_NAMES[path]!, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: PAGE_NAMES[path]! }).waitFor();
  return page;
}

const PAGE_NAMES: Record<string, string> = {
  '/': 'Organisations',
  '/tree': 'Organisation tree',
  '/surveys': 'Surveys',
  '/campaigns': 'Campaigns',
  '/outbox': 'Outbox',
  '/survey-page': 'Survey page',
  '/reports': 'Reports',
  '/staff': 'Staff',
  '/staff/import': 'Import staff',
  '/catalogues': 'Roles and settings',
  '/people': 'People and access',
  '/tokens': 'API tokens',
  '/audit': 'Audit log',
  '/account': 'Your account',
};

function staffCsv(rows: number, broken = false): Buffer {
  const lines = ['Assignment Number,Role,Employing Organisation,Start Date,Band'];
  for (let i = 0; i < rows; i++) {
    const started = broken && i === 3 ? '31/02/2026' : '05/01/2026';
    const role = broken && i === 7 ? 'Chief wizard' : 'peer_support_worker';
    lines.push(`IMP${String(i).padStart(4, '0')},${role},Willow Ward,${started},5`);
  }
  return Buffer.from(lines.join('\n'));
}

describe('the admin pages, for a trust admin', () => {
  it.each(Object.keys(PAGE_NAMES))('%s has no serious or critical axe-core violation at 1280 and 360 px', async (path) => {
    for (const width of [1280, 360]) {
      const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, path, width);
      await page.waitForLoadState('networkidle');
      expect(await pageViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'));
        return { by: document.documentElement.scrollWidth - width, wide: wide.slice(0, 3).map((e) => e.outerHTML.slice(0, 120)) };
      });
      expect(overflow).toEqual({ by: 0, wide: [] });
      await page.close();
    }
  }, 60_000);

  it('checks a staff file and shows every problem by row and column, importing nothing', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/staff/import');
    await page.getByLabel('Staff file (CSV)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: staffCsv(10, true) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: '2 problems in broken.csv: nothing imported' }).waitFor();
    const rows = await page.getByRole('table', { name: 'Problems, by row' }).locator('tbody tr').all();
    expect(await Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).slice(0, 2)))).toEqual([
      ['5', 'Start Date'],
      ['9', 'Role'],
    ]);
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });

  it('imports a clean file, then pages through the staff it added', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/staff/import');
    await page.getByLabel('Staff file (CSV)').setInputFiles({ name: 'new-starters.csv', mimeType: 'text/csv', buffer: staffCsv(120) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'new-starters.csv is ready to import' }).waitFor();
    await page.getByRole('button', { name: 'Import 120 staff' }).click();
    await page.getByRole('heading', { name: 'Imported new-starters.csv' }).waitFor();
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.getByLabel('Reference or name').fill('IMP');
    const caption = page.locator('caption');
    await caption.getByText('Page 1: 50 people').waitFor();
    expect(await page.locator('tbody tr').first().locator('td').first().textContent()).toBe('IMP0000');
    await page.getByRole('button', { name: 'Next page' }).click();
    await caption.getByText('Page 2: 50 people').waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await caption.getByText('Page 3: 20 people').waitFor();
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    expect(await page.locator('tbody tr').last().locator('td').first().textContent()).toBe('IMP0119');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await caption.getByText('Page 2: 50 people').waitFor();
    await page.close();
  });

  it('gives and removes access, and makes an API token that is shown once', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/people');
    const form = page.getByRole('form', { name: 'Give access' });
    await form.getByLabel('Their email address').fill(DEMO_ACCOUNTS.riversideAdmin);
    await form.getByLabel('Where').selectOption({ label: 'Willow Ward' });
    await form.getByRole('button', { name: 'Give access' }).click();
    await page.getByText(`Access given to ${DEMO_ACCOUNTS.riversideAdmin}.`).waitFor();
    const row = page.getByRole('row', { name: /Riverside PCN Admin/ });
    await row.getByText('Evaluator of Willow Ward').waitFor();
    await row.getByRole('button', { name: /Remove Evaluator of Willow Ward/ }).click();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'API tokens' }).click();
    const tokens = page.getByRole('form', { name: 'Make a token' });
    await tokens.getByLabel('What it is for').fill('R on my laptop');
    await tokens.getByRole('button', { name: 'Make token' }).click();
    const token = await page.locator('code.token').textContent();
    expect(token).toMatch(/^hbt_/);
    const tokenRow = page.getByRole('row', { name: /R on my laptop/ });
    await tokenRow.getByRole('button', { name: /Revoke/ }).click();
    await tokenRow.getByText('Revoked').waitFor();
    await page.close();
  });

  it("sets what staff see around their survey: a problem beside its field, summarised, with focus on it; then the contact, notice and logo on a respondent's page", async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/survey-page');
    const form = page.getByRole('form', { name: 'Survey page' });
    await form.getByLabel('Contact email').fill('surveys@northmoor.nhs.uk?cc=someone@elsewhere.example');
    await form.getByLabel('Privacy notice').fill('http://www.northmoor.nhs.uk/privacy');
    await form.getByRole('button', { name: 'Save' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await form.getByLabel('Contact email').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Privacy notice').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('The privacy notice must be a web address starting https://').count()).toBe(1);
    // The summary's link takes the person to the field.
    await summary.getByRole('link', { name: /contact email/ }).click();
    expect(await form.getByLabel('Contact email').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await pageViolations(page)).toEqual([]);

    // A logo drawn in the page (a PNG of 240 × 60 pixels), then valid addresses.
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 240;
      canvas.height = 60;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#005eb8';
      context.fillRect(0, 0, 240, 60);
      return canvas.toDataURL('image/png');
    });
    await form.getByLabel('Logo').setInputFiles({ name: 'northmoor.png', mimeType: 'image/png', buffer: Buffer.from(png.split(',')[1]!, 'base64') });
    await form.locator('.trust-logo').waitFor();
    await form.getByLabel('Contact email').fill('surveys@northmoor.nhs.uk');
    await form.getByLabel('Privacy notice').fill('https://www.northmoor.nhs.uk/privacy');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByText('There is a problem').count()).toBe(0);
    await page.close();

    const respondent = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await respondent.goto(`${platform.webUrl}s/${DEMO_RESPONDENT_TOKEN}`);
    await respondent.getByRole('link', { name: 'surveys@northmoor.nhs.uk' }).waitFor();
    expect(await respondent.getByRole('link', { name: /privacy notice/ }).getAttribute('href')).toBe('https://www.northmoor.nhs.uk/privacy');
    const logo = respondent.locator('header img.trust-logo');
    expect(await logo.getAttribute('src')).toBe(png);
    expect((await logo.boundingBox())!.height).toBeLessThanOrEqual(48);
    expect(await pageViolations(respondent)).toEqual([]);
    await respondent.close();
  });

  it('opens the organisation tree and adds an organisation to it', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/tree');
    await page.getByRole('button', { name: 'Northmoor Mental Health NHS Foundation Trust' }).click();
    await page.getByRole('button', { name: 'Inpatient Services' }).click();
    await page.getByRole('button', { name: 'Cedar Ward' }).waitFor();
    const form = page.getByRole('form', { name: 'Add an organisation' });
    await form.getByLabel('Within').selectOption({ label: 'Inpatient Services' });
    await form.getByLabel('Name').fill('Rowan Ward');
    await form.getByLabel('ODS code (optional)').fill('RXR01');
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByText('Added Rowan Ward.').waitFor();
    await page.close();
  });
});

describe('the form studio', () => {
  it('customises an instrument: adds a local question with logic, cannot change a core one, adds Welsh, previews, publishes version 2 and schedules a campaign', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/surveys');
    const start = page.getByRole('form', { name: 'Start a survey' });
    await start.getByLabel('Title').fill('Belonging, winter');
    await start.getByLabel('Start from').selectOption({ label: 'Where I belong (three months after starting, then every quarter)' });
    await start.getByRole('button', { name: 'Start survey' }).click();
    const studio = page.getByRole('region', { name: 'Belonging, winter' });
    await studio.getByText('Core, locked').first().waitFor();
    expect(await studio.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await studio.getByRole('button', { name: 'Publish' }).click();
    await studio.getByText('Published version 1.').waitFor();

    // A local question, shown only to those who feel they belong nowhere.
    const add = studio.getByRole('form', { name: 'Add a question' });
    await add.getByLabel('Type').selectOption({ label: 'One choice (radio buttons)' });
    await add.getByLabel('Question').fill('What would help you feel part of the team?');
    await add.getByLabel(/^Name/).fill('loc_help');
    await add.getByLabel('Choices, one per line').fill('A buddy\nA team meeting\nSomething else');
    await add.getByText('Logic').click();
    await add.getByLabel('Show only if').fill("{bel_where} = 'nowhere'");
    await add.getByRole('button', { name: 'Add question' }).click();
    await studio.getByText('Added "What would help you feel part of the team?".').waitFor();
    // Logic naming a question that is not there is refused, and the draft keeps its question.
    await studio.getByRole('button', { name: 'Edit What would help you feel part of the team?' }).click();
    const edit = studio.getByRole('form', { name: 'Edit question loc_help' });
    await edit.getByLabel('Show only if').fill("{bel_wear} = 'nowhere'");
    await edit.getByRole('button', { name: 'Save question' }).click();
    await studio.getByRole('alert').getByText(/names \{bel_wear\}, but no question is called that/).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await studio.getByRole('button', { name: 'Up What would help you feel part of the team?' }).click();
    await studio.getByText('Moved "What would help you feel part of the team?" up.').waitFor();

    // A core question: its wording is locked in the editor, and refused in the JSON.
    await studio.getByRole('button', { name: 'Logic I feel part of a team.' }).click();
    const core = studio.getByRole('form', { name: 'Edit question bel_part_of_team' });
    expect(await core.getByLabel('Question').isDisabled()).toBe(true);
    await core.getByRole('button', { name: 'Cancel' }).click();
    await studio.getByText('Edit the SurveyJS JSON').click();
    const json = studio.getByLabel('SurveyJS JSON');
    await json.fill((await json.inputValue()).replace('I feel part of a team.', 'I love my team.'));
    await studio.getByRole('button', { name: 'Save JSON' }).click();
    await studio.getByRole('alert').getByText(/"bel_part_of_team" is a core question: its wording cannot change/).waitFor();

    // Welsh for a core question.
    await studio.getByRole('button', { name: 'Welsh I feel part of a team.' }).click();
    const welsh = studio.getByRole('form', { name: 'Welsh for bel_part_of_team' });
    await welsh.getByLabel(/^Question:/).fill('Rwy’n teimlo’n rhan o dîm.');
    await welsh.getByRole('button', { name: 'Save Welsh' }).click();
    await studio.getByText('Saved the Welsh of "I feel part of a team.".').waitFor();

    // The preview renders the form as respondents see it: the logic works, and so does Welsh.
    const preview = studio.locator('.survey-preview');
    await preview.getByText('Where do you feel you belong at work?').waitFor();
    // Each move waits for the next page's title, so no click lands on a page on its way out.
    const turn = async (button: 'Next' | 'Previous', to: string) => {
      await preview.getByRole('button', { name: button }).click();
      await preview.locator('.sd-page__title', { hasText: to }).waitFor();
    };
    const lastPage = async () => {
      await turn('Next', 'Support');
      await turn('Next', 'Looking ahead');
    };
    await lastPage();
    expect(await preview.getByText('What would help you feel part of the team?').count()).toBe(0);
    await turn('Previous', 'Support');
    await turn('Previous', 'Belonging');
    await preview.getByText('Nowhere in particular').click();
    await lastPage();
    await preview.getByText('What would help you feel part of the team?').waitFor();
    await studio.getByLabel('Preview in').selectOption({ label: 'Cymraeg (Welsh)' });
    await preview.getByText('Rwy’n teimlo’n rhan o dîm.').waitFor();

    await studio.getByRole('button', { name: 'Publish' }).click();
    await studio.getByText('Published version 2.').waitFor();
    await studio.getByText('From version 1 to version 2: added loc_help; nothing removed; changed bel_part_of_team (title).').waitFor();
    const versions = studio.getByRole('region', { name: 'Versions' });
    expect(await versions.getByRole('row').nth(2).locator('td').nth(2).textContent()).toBe('Northmoor Trust Admin');
    const [download] = await Promise.all([page.waitForEvent('download'), versions.getByRole('button', { name: 'Export version 2' }).click()]);
    expect(download.suggestedFilename()).toBe('belonging-winter-v2.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { pages: { elements: { name: string; visibleIf?: string }[] }[] };
    expect(exported.pages.flatMap((p) => p.elements).find((q) => q.name === 'loc_help')?.visibleIf).toBe("{bel_where} = 'nowhere'");
    expect(await pageViolations(page)).toEqual([]);

    // A campaign of version 2: planned as a draft with its audience counted, then scheduled.
    await studio.getByRole('link', { name: 'Plan a campaign of version 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    const plan = page.getByRole('form', { name: 'Plan a campaign' });
    expect(await plan.getByLabel('Survey').locator('option:checked').textContent()).toBe('Belonging, winter');
    expect(await plan.getByLabel('Version').inputValue()).toBe('2');
    await plan.getByLabel('Campaign name').fill('Winter belonging');
    await plan.getByLabel('A set number of days after each person starts').check();
    // A year ahead, so it stays scheduled whenever the test runs.
    const opens = `${new Date().getUTCFullYear() + 1}-12-01`;
    await plan.getByLabel('Starting on').fill(opens);
    await plan.getByLabel('Days after each person starts', { exact: true }).fill('90');
    await plan.getByLabel('Anonymous', { exact: true }).check();
    await plan.getByLabel('Offer “Prefer not to say” on every question').check();
    await plan.getByRole('button', { name: 'Save as draft' }).click();
    await plan.getByText(/^Saved "Winter belonging" as a draft: \d+ staff are in its audience now\./).waitFor();
    // By its text: once scheduled, the name is a disclosure (its progress), which a row's accessible name leaves out.
    const row = page.getByRole('region', { name: 'Campaign list' }).locator('tr', { hasText: 'Winter belonging' });
    await row.getByText('Draft').waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('Belonging, winter, version 2');
    expect(await row.locator('td').nth(2).textContent()).toBe(`90 days after each start, from ${opens}, open 14 days`);
    expect(await row.locator('td').nth(3).textContent()).toContain('“Prefer not to say” offered');
    await row.getByRole('button', { name: /Schedule/ }).click();
    await row.getByText('Scheduled').waitFor();
    expect(await pageViolations(page)).toEqual([]);
    await row.getByRole('button', { name: /Close/ }).click();
    await row.getByText('Closed').waitFor();
    await page.close();
  });
});

describe('your account', () => {
  it('changes your password: the old one stops working, the new one signs in', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin);
    await postGraphQL(
      platform.gatewayUrl,
      'mutation { createAccount(input: { email: "new.lead@northmoor.example", displayName: "New Lead", password: "first password 1" }) { id } }',
      admin,
    );
    const page = await signedIn('new.lead@northmoor.example', '/account', 1280, 'first password 1');
    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill('first password 1');
    await form.getByLabel('New password').fill('second password 2');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    expect((await postGraphQL(platform.gatewayUrl, 'mutation { signIn(input: { email: "new.lead@northmoor.example", password: "first password 1" }) { token } }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await signInAs(platform.gatewayUrl, 'new.lead@northmoor.example', 'second password 2');
    await page.close();
  });
});

describe('the audit log page', () => {
  it('shows what was done, by whom, newest first', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorAdmin, '/tree');
    const form = page.getByRole('form', { name: 'Add an organisation' });
    await form.getByLabel('Name').fill('Audit Test Team');
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByText('Added Audit Test Team.').waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    const first = page.getByRole('region', { name: 'Audit log' }).locator('tbody tr').first();
    await first.waitFor();
    const cells = await first.locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual([DEMO_ACCOUNTS.northmoorAdmin, 'organisation.create', 'Audit Test Team']);
    await page.close();
  });

  it('shows a platform admin each campaign\'s submissions as a count of the day, in words, and no respondent', async () => {
    const form = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
    const answers = Object.fromEntries(form.pages.flatMap((p) => p.elements).filter((q) => q.isRequired).map((q) => [q.name, q.type === 'rating' ? 4 : q.type === 'boolean' ? true : 'both']));
    const submitted = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }',
        variables: { input: { token: DEMO_RESPONDENT_TOKEN, answers, idempotencyKey: 'audit-page-1' } },
      }),
    });
    expect(((await submitted.json()) as { errors?: unknown }).errors).toBeUndefined();
    const page = await signedIn(DEMO_ACCOUNTS.platformAdmin, '/audit');
    const row = page.getByRole('region', { name: 'Audit log' }).locator('tbody tr', { hasText: 'campaign.responses' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(cells.slice(1)).toEqual(['respondents, counted', `campaign.responses${today}: 1 submitted, 0 withdrawn, 0 erased`, 'Northmoor Mental Health NHS Foundation Trust', '—']);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the admin pages, for an evaluator', () => {
  it('offers no staff, import or access pages', async () => {
    const page = await signedIn(DEMO_ACCOUNTS.northmoorEvaluator);
    const links = await page.getByRole('navigation', { name: 'Harbour' }).getByRole('link').allTextContents();
    expect(links).toEqual(['Organisations', 'Organisation tree', 'Reports', 'Roles and settings', 'API tokens', 'Your account']);
    await page.close();
  });
});
