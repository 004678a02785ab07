import { Client } from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_RESPONDENT_TOKEN } from '@harbour/demo';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { launchBrowser, pageViolations } from '../support/browser';
import { openCampaignWithLink } from '../support/delivery';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ HARBOUR_DELIVERY_EVERY_MS: '500' }), launchBrowser()]);
  ({ token } = await openCampaignWithLink(platform));
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** The question whose title is `title`. */
const question = (page: Page, title: string) => page.locator('.sd-question', { has: page.locator('.sd-question__title', { hasText: title }) });

/**
 * Answers a rating: its buttons on a wide screen, the drop-down survey-core shows on a narrow
 * one. survey-core draws the buttons first and swaps in the drop-down once it has measured
 * the page, so a try that meets the swap tries again.
 */
async function rate(page: Page, q: Locator, value: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const dropdown = q.locator('.sd-dropdown');
      if (await dropdown.count()) {
        // On a loaded machine the drop-down can still be settling after the swap: bring it into view first.
        await dropdown.scrollIntoViewIfNeeded({ timeout: 3000 });
        await dropdown.click({ timeout: 3000 });
        await page.locator('.sv-popup:visible').getByRole('option').filter({ hasText: new RegExp(`^${value}`) }).click({ timeout: 3000 });
      } else await q.getByText(value, { exact: true }).click({ timeout: 3000 });
      if ((await ratingShown(q)) === value) return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** What `read` gives once it gives `expected`, or what it last gave after 5 s. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && value !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The value a rating shows. */
async function ratingShown(q: Locator): Promise<string | null> {
  const dropdown = q.locator('.sd-dropdown');
  if (await dropdown.count()) {
    const shown = dropdown.locator('.sd-dropdown__input-prefix-wrapper .sv-string-viewer');
    return (await shown.count()) ? ((await shown.textContent())?.trim() ?? null) : null;
  }
  const checked = q.locator('input[type=radio]:checked');
  return (await checked.count()) ? checked.getAttribute('value') : null;
}

describe('a respondent on a phone', () => {
  it('opens their link, answers half, reloads and carries on, submits, and finds it done after', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(`${platform.webUrl}s/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Where I belong: quarterly' }).waitFor();
    await page.getByText('Your name is not kept with your answers.').waitFor();
    await page.getByText('Page 1 of 3').waitFor();
    // Whose survey it is, whom to ask, and the trust's privacy notice.
    expect(await page.locator('header .brand').textContent()).toBe('Northmoor Mental Health NHS Foundation Trust');
    expect(await page.getByRole('link', { name: 'new-roles@northmoor.example' }).getAttribute('href')).toBe('mailto:new-roles@northmoor.example');
    expect(await page.getByRole('link', { name: "Northmoor Mental Health NHS Foundation Trust's privacy notice" }).getAttribute('href')).toBe('https://www.northmoor.example/privacy');
    // The last day in words, not as 2027-01-30.
    expect(await page.locator('main').textContent()).toMatch(/until (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 20\d\d\./);
    // Every scale is a row of buttons at 360 px, the scale's end labels in view, each button at least 44 px square.
    const scales = page.locator('.sd-question:has(.sd-rating)');
    expect(await scales.count()).toBeGreaterThan(0);
    expect(await page.locator('.sd-question .sd-dropdown').count()).toBe(0);
    for (let i = 0; i < (await scales.count()); i++) {
      const scale = scales.nth(i);
      expect(await scale.getByText('Strongly disagree', { exact: true }).isVisible()).toBe(true);
      expect(await scale.getByText('Strongly agree', { exact: true }).isVisible()).toBe(true);
      for (const box of await scale.locator('.sd-rating__item').evaluateAll((items) => items.map((item) => item.getBoundingClientRect()))) {
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
        expect(box.right).toBeLessThanOrEqual(360);
      }
    }
    // The first question is on the first screen.
    expect((await page.locator('.sd-question').first().boundingBox())!.y).toBeLessThan(740 - 100);
    // The respondent's page loads no admin code.
    expect(scripts.filter((url) => /AdminRoot|SurveysPage/.test(url))).toEqual([]);
    expect(await pageViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Page 1, the first answer by keyboard alone: Tab to the choices, arrows to "In both".
    const where = question(page, 'Where do you feel you belong at work?');
    for (let i = 0; i < 40 && !(await where.locator('input[type=radio]').first().evaluate((input) => input === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await where.locator('input[value="both"]').isChecked()).toBe(true);
    // The rest by touch.
    const ratings = page.locator('.sd-question[data-name^="bel_"]:has(.sd-rating, .sd-dropdown)');
    for (let i = 0; i < (await ratings.count()); i++) await rate(page, ratings.nth(i), '4');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.sd-page__title', { hasText: 'Support' }).waitFor();
    // Half of page 2, then the page is reloaded.
    const second = page.locator('.sd-question:has(.sd-rating, .sd-dropdown)');
    await rate(page, second.first(), '5');
    await page.reload();
    await page.locator('.sd-page__title', { hasText: 'Support' }).waitFor();
    await page.getByText('Welcome back: your answers so far are saved.').waitFor();
    await page.getByText('Page 2 of 3').waitFor();
    expect(await eventually(() => ratingShown(second.first()), '5')).toBe('5');
    // Another device, with nothing of this one's: the server's copy resumes just the same (once the server has it).
    const serverDraft = async () =>
      ((await postGraphQL(platform.gatewayUrl, `{ invitation(token: "${token}") { answers } }`)).body.data as { invitation: { answers: Record<string, unknown> | null } }).invitation.answers?.bel_peer_contact;
    expect(await eventually(serverDraft, 5)).toBe(5);
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(`${platform.webUrl}s/${token}`);
    await other.locator('.sd-page__title', { hasText: 'Support' }).waitFor();
    expect(await eventually(() => ratingShown(other.locator('.sd-question:has(.sd-rating, .sd-dropdown)').first()), '5')).toBe('5');
    await other.close();
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await question(page, 'Where do you feel you belong at work?').locator('input[value="both"]').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();

    for (let i = 1; i < (await second.count()); i++) await rate(page, second.nth(i), '4');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.sd-page__title', { hasText: 'Looking ahead' }).waitFor();
    const last = page.locator('.sd-question:has(.sd-rating, .sd-dropdown)');
    for (let i = 0; i < (await last.count()); i++) await rate(page, last.nth(i), '4');
    const yesNo = page.locator('.sd-question:has(.sd-boolean)');
    for (let i = 0; i < (await yesNo.count()); i++) await yesNo.nth(i).getByText('Yes', { exact: true }).click();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await pageViolations(page)).toEqual([]);

    // Opening the link again (a second submit, say) shows it is done.
    await page.reload();
    await page.getByRole('heading', { name: 'Already done' }).waitFor();
    // A pseudonymous respondent may take their answers back.
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw them' }).click();
    await page.getByText('Your answers are withdrawn and erased.').waitFor();
    await page.reload();
    await page.getByText('You withdrew your answers to this survey. This link takes no more.').waitFor();
    await page.close();
  });
});

describe('a respondent to an anonymous campaign', () => {
  it('is thanked when the answers are in, with no day and no withdrawal, and this device keeps no copy', async () => {
    const { token: anonymous } = await openCampaignWithLink(platform, 'ash@northmoor.example', 'Anonymous now', undefined, 'ANONYMOUS');
    // Everything answered on another device, the last page open: only Complete is left.
    const form = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
    const answers = Object.fromEntries(form.pages.flatMap((p) => p.elements).filter((q) => q.isRequired).map((q) => [q.name, q.type === 'rating' ? 4 : q.type === 'boolean' ? true : 'both']));
    const saved = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SaveResponseDraftInput!) { saveResponseDraft(input: $input) { state } }',
        variables: { input: { token: anonymous, answers, pageNo: form.pages.length - 1 } },
      }),
    });
    expect(((await saved.json()) as { data: { saveResponseDraft: { state: string } } }).data.saveResponseDraft.state).toBe('STARTED');
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${platform.webUrl}s/${anonymous}`);
    await page.getByText('Your answers are anonymous').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Your answers are in. You can close this page.');
    expect(await page.getByRole('button', { name: 'Withdraw my answers' }).count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')))).toEqual([]);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
    // Opened again, on a phone with nothing cached: the page says it is done, and loads no survey library to say so.
    const again = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const loaded: string[] = [];
    again.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await again.goto(`${platform.webUrl}s/${anonymous}`);
    await again.getByRole('heading', { name: 'Already done' }).waitFor();
    await again.getByText('You have answered this survey. Thank you: there is nothing more to do.').waitFor();
    await again.waitForLoadState('networkidle');
    expect(loaded.filter((file) => /RespondentApp-/.test(file))).toHaveLength(1);
    expect(loaded.filter((file) => /survey-model|RespondentSurvey/.test(file))).toEqual([]);
    // Nothing asked GraphQL either: the invitation came in the page.
    expect(loaded.filter((file) => file === '/graphql')).toEqual([]);
    expect(await pageViolations(again)).toEqual([]);
    await again.close();
  });
});

describe('a respondent whose line drops', () => {
  it('answers and completes with no connection, is told plainly, and the answers arrive once when the line is back', async () => {
    const { token: patchy, campaignId } = await openCampaignWithLink(platform, 'ffion@northmoor.example', 'On a poor signal');
    const form = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
    const answers = Object.fromEntries(form.pages.flatMap((p) => p.elements).filter((q) => q.isRequired).map((q) => [q.name, q.type === 'rating' ? 4 : q.type === 'boolean' ? true : 'both']));
    // Answered on another day up to the last page.
    const saved = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($input: SaveResponseDraftInput!) { saveResponseDraft(input: $input) { state } }', variables: { input: { token: patchy, answers, pageNo: form.pages.length - 1 } } }),
    });
    expect(((await saved.json()) as { data: { saveResponseDraft: { state: string } } }).data.saveResponseDraft.state).toBe('STARTED');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${platform.webUrl}s/${patchy}`);
    await page.getByText('Welcome back: your answers so far are saved.').waitFor();
    await context.setOffline(true);
    // A changed answer with no signal: kept on the device, and the person is told.
    const last = page.locator('.sd-question:has(.sd-rating)').last();
    await last.getByText('2', { exact: true }).click();
    const lastName = await last.getAttribute('data-name');
    await page.getByText('No connection just now: your answers are kept on this device').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('No connection just now, so your answers have not been sent yet.').waitFor();
    const stored = async () => {
      const owner = new Client({ connectionString: platform.database.ownerUrl });
      await owner.connect();
      try {
        return Number((await owner.query(`SELECT count(*) AS n FROM responses.campaign_activity WHERE campaign_id = $1 AND kind = 'submitted'`, [campaignId])).rows[0].n);
      } finally {
        await owner.end();
      }
    };
    expect(await stored()).toBe(0);
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Thank you' }).waitFor({ timeout: 30_000 });
    expect(await stored()).toBe(1);
    // The answer changed offline is the one that arrived.
    const invitation = (await postGraphQL(platform.gatewayUrl, `{ invitation(token: "${patchy}") { state } }`)).body.data as { invitation: { state: string } };
    expect(invitation.invitation.state).toBe('COMPLETED');
    const owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(`SELECT r.answers -> $2::text AS value FROM responses.response r JOIN responses.invitation i ON i.response_id = r.id WHERE i.campaign_id = $1`, [campaignId, lastName]);
      expect(rows.map((r) => Number(r.value))).toEqual([2]);
    } finally {
      await owner.end();
    }
    expect(await pageViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a respondent with a keyboard only', () => {
  it('answers the first page and moves on without a pointer (the demo respondent\'s link)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${platform.webUrl}s/${DEMO_RESPONDENT_TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Where I belong: quarterly' }).waitFor();
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    /** Tabs until a control of question `name` has focus. */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60 && !(await focusedName()).startsWith(name); i++) await page.keyboard.press('Tab');
      expect(await focusedName()).toContain(name);
    };
    await tabTo('bel_where');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedValue()).toBe('both');
    const checkedOf = (name: string) => page.evaluate((n) => (document.querySelector(`input[name^="${n}"]:checked`) as HTMLInputElement | null)?.value ?? null, name);
    for (const [index, name] of ['bel_part_of_team', 'bel_accepted', 'bel_valued', 'bel_isolated'].entries()) {
      await tabTo(name);
      // Enter chooses the point in focus as Space does (the first scale by Enter, the rest by Space).
      await page.keyboard.press(index === 0 ? 'Enter' : 'Space');
      expect(await checkedOf(name)).toBe('1');
      // Arrows move along the scale: from 1 to 4.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await focusedValue()).toBe('4');
    }
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) !== 'Next'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.sd-page__title', { hasText: 'Support' }).waitFor();
    await page.close();
  });
});

describe('a respondent whose campaign offers "Prefer not to say"', () => {
  it('answers a scale and a choice with it by one tap each at 360 px, can take it back, and is thanked with it stored', async () => {
    const { token: offered } = await openCampaignWithLink(platform, 'kit@northmoor.example', 'Belonging, no pressure', undefined, 'PSEUDONYMOUS', { preferNotToSay: true });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${platform.webUrl}s/${offered}`);
    const where = question(page, 'Where do you feel you belong at work?');
    await where.getByText('Prefer not to say', { exact: true }).click();
    expect(await where.locator('input[value="refused"]').isChecked()).toBe(true);
    // Every scale has its own button, on its own line under the title: never over the words.
    const ratings = page.locator('.sd-question[data-name^="bel_"]:has(.sd-rating)');
    const first = ratings.first();
    const toggle = first.getByRole('checkbox', { name: 'Prefer not to say' });
    const [title, button] = await Promise.all([first.locator('.sv-title-actions__title').boundingBox(), toggle.boundingBox()]);
    expect(button!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
    expect(Math.min(button!.width, button!.height)).toBeGreaterThanOrEqual(44);
    expect(button!.x + button!.width).toBeLessThanOrEqual(360);
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    // A point on the scale takes it back; the button again gives it.
    await rate(page, first, '2');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await ratingShown(first)).toBeNull();
    expect(await pageViolations(page)).toEqual([]);
    for (let i = 1; i < (await ratings.count()); i++) await rate(page, ratings.nth(i), '4');
    const draft = async () =>
      JSON.stringify(((await postGraphQL(platform.gatewayUrl, `{ invitation(token: "${offered}") { answers } }`)).body.data as { invitation: { answers: Record<string, unknown> | null } }).invitation.answers ?? {});
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.sd-page__title', { hasText: 'Support' }).waitFor();
    // The draft on the server holds both, as said.
    expect(await eventually(async () => /"bel_where":"refused".*"bel_part_of_team":"refused"|"bel_part_of_team":"refused".*"bel_where":"refused"/.test(await draft()), true)).toBe(true);
    for (const heading of ['Support', 'Looking ahead']) {
      await page.locator('.sd-page__title', { hasText: heading }).waitFor();
      // Everything refused on the remaining pages, by the button by each title.
      const toggles = page.getByRole('checkbox', { name: 'Prefer not to say' });
      for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
      await page.getByRole('button', { name: heading === 'Support' ? 'Next' : 'Complete' }).click();
    }
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await page.close();
    const owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `SELECT r.answers FROM responses.response r JOIN forms.campaign c ON c.id = r.campaign_id WHERE c.name = 'Belonging, no pressure'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].answers).toMatchObject({ bel_where: 'refused', bel_part_of_team: 'refused', bel_accepted: 4, bel_stay_year: 'refused' });
    } finally {
      await owner.end();
    }
  });
});

describe('a respondent answering a 0–10 scale, a slider and a yes/no on a phone', () => {
  it('shows the eleven points in two rows of 44 px buttons within the screen, and a refused slider or yes/no with nothing chosen', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = ((await postGraphQL(platform.gatewayUrl, '{ organisations(tenantsOnly: true) { nodes { id } } }', admin)).body.data as { organisations: { nodes: { id: string }[] } }).organisations.nodes[0]!.id;
    const form = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'rating', name: 'nps', title: 'How likely are you to recommend this role to a friend?', rateMin: 0, rateMax: 10, minRateDescription: 'Not at all likely', maxRateDescription: 'Extremely likely', isRequired: true },
            { type: 'slider', name: 'settled', title: 'How settled do you feel?', min: 0, max: 10, step: 1, isRequired: true },
            { type: 'boolean', name: 'buddy', title: 'Do you have a buddy?', isRequired: true },
          ],
        },
      ],
    };
    const made = await postGraphQL(platform.gatewayUrl, 'mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }', admin, { input: { organisationId: trust, title: 'Scales', json: form } });
    const surveyId = (made.body.data as { createSurvey: { id: string } }).createSurvey.id;
    await postGraphQL(platform.gatewayUrl, `mutation { publishSurvey(surveyId: "${surveyId}") { number } }`, admin);
    const { token: scales } = await openCampaignWithLink(platform, 'ash@northmoor.example', 'Scales now', surveyId, 'PSEUDONYMOUS', { preferNotToSay: true });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${platform.webUrl}s/${scales}`);
    const nps = question(page, 'How likely are you to recommend');
    await nps.locator('.sd-rating__item').first().waitFor();
    const boxes = await nps.locator('.sd-rating__item').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(11);
    for (const box of boxes) {
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      expect(box.right).toBeLessThanOrEqual(360);
    }
    // 0 to 5 on one row, 6 to 10 on the next: no point alone on a row of its own.
    const rows = [...new Set(boxes.map((box) => Math.round(box.top)))];
    expect(rows).toHaveLength(2);
    expect(boxes.filter((box) => Math.round(box.top) === rows[0])).toHaveLength(6);
    expect(await nps.getByText('Not at all likely').isVisible()).toBe(true);
    expect(await nps.getByText('Extremely likely').isVisible()).toBe(true);
    await rate(page, nps, '10');
    // Refused, a slider shows no point and a yes/no no side; a point given takes the refusal back.
    for (const title of ['How settled do you feel?', 'Do you have a buddy?']) {
      const q = question(page, title);
      await q.getByRole('checkbox', { name: 'Prefer not to say' }).click();
      await eventually(() => q.evaluate((element) => element.classList.contains('harbour-refused')), true);
    }
    expect(await question(page, 'How settled do you feel?').locator('.sd-slider__thumb-container').isVisible()).toBe(false);
    expect(await question(page, 'Do you have a buddy?').locator('.sd-boolean__thumb').evaluate((thumb) => getComputedStyle(thumb).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await question(page, 'Do you have a buddy?').getByText('Yes', { exact: true }).click();
    const buddy = question(page, 'Do you have a buddy?');
    expect(await eventually(() => buddy.evaluate((element) => element.classList.contains('harbour-refused')), false)).toBe(false);
    expect(await buddy.getByRole('checkbox', { name: 'Prefer not to say' }).getAttribute('aria-checked')).toBe('false');
    expect(await pageViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await page.close();
  });
});

describe('a respondent who reads Welsh', () => {
  it('switches the survey to Cymraeg where the trust gave it Welsh', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = ((await postGraphQL(platform.gatewayUrl, '{ organisations(tenantsOnly: true) { nodes { id } } }', admin)).body.data as { organisations: { nodes: { id: string }[] } }).organisations.nodes[0]!.id;
    const made = await postGraphQL(platform.gatewayUrl, `mutation { createSurvey(input: { organisationId: "${trust}", title: "Belonging, in Welsh too", instrumentCode: "where_i_belong" }) { id draft } }`, admin);
    const survey = (made.body.data as { createSurvey: { id: string; draft: { pages: { elements: { name: string; title: unknown }[] }[] } } }).createSurvey;
    const where = survey.draft.pages[0]!.elements.find((q) => q.name === 'bel_where')!;
    where.title = { default: where.title as string, cy: 'Ble ydych chi’n teimlo eich bod yn perthyn yn y gwaith?' };
    const saved = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ query: 'mutation ($input: SaveSurveyDraftInput!) { saveSurveyDraft(input: $input) { id } }', variables: { input: { surveyId: survey.id, json: survey.draft } } }),
    });
    expect(((await saved.json()) as { errors?: unknown }).errors).toBeUndefined();
    await postGraphQL(platform.gatewayUrl, `mutation { publishSurvey(surveyId: "${survey.id}") { number } }`, admin);
    const { token: welshToken } = await openCampaignWithLink(platform, 'cymraeg@northmoor.example', 'Belonging in Welsh', survey.id);

    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${platform.webUrl}s/${welshToken}`);
    await page.getByText('Where do you feel you belong at work?').waitFor();
    await page.getByLabel('Iaith / Language').selectOption({ label: 'Cymraeg' });
    await page.getByText('Ble ydych chi’n teimlo eich bod yn perthyn yn y gwaith?').waitFor();
    // The page's own words follow: the promise, the last day in Welsh words, where the person is.
    await page.getByText('Nid yw eich enw’n cael ei gadw gyda’ch atebion.'.replace(/’/g, "'")).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/tan ddydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d{1,2} [A-Z][a-z]+ 20\d\d\./);
    await page.getByText('Tudalen 1 o 3').waitFor();
    // The trust's contact under the survey follows at once, with no reload.
    await page.locator('footer[lang="cy"]').getByText('Cwestiynau am yr arolwg hwn? Ysgrifennwch at').waitFor({ timeout: 2000 });
    expect(await page.locator('[lang="cy"]').count()).toBeGreaterThan(0);
    expect(await pageViolations(page)).toEqual([]);
    // The choice is kept on this device: the page opens in Welsh next time.
    await page.reload();
    await page.getByText('Ble ydych chi’n teimlo eich bod yn perthyn yn y gwaith?').waitFor();
    expect(await page.getByLabel('Iaith / Language').inputValue()).toBe('cy');
    // The trust's contact under the survey speaks Welsh too.
    await page.getByText('Cwestiynau am yr arolwg hwn? Ysgrifennwch at').waitFor();
    await page.close();
  });
});

describe('the outbox, for a trust admin', () => {
  it('shows the held invitation without its link until the campaign\'s links are released, and passes axe-core', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(platform.webUrl);
    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.northmoorAdmin);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Harbour' });
    await nav.getByRole('link', { name: 'Outbox', exact: true }).click();
    // Robin is invited to the demo campaign too: this is the row of the campaign the test answered.
    const rowOf = () => page.getByRole('region', { name: 'Outbox' }).locator('tr', { hasText: 'Invitation: Where I belong: quarterly' }).filter({ hasText: '(Belonging now)' }).filter({ hasText: 'robin@northmoor.example' });
    await rowOf().getByText('Held: forward it yourself').waitFor();
    expect(await rowOf().locator('td').nth(1).textContent()).toBe('robin@northmoor.example');
    await rowOf().getByText('Invitation: Where I belong: quarterly').click();
    await rowOf().getByText(/personal link withheld/).waitFor();
    expect(await page.getByText(`/s/${token}`).count()).toBe(0);
    expect(await pageViolations(page)).toEqual([]);

    // Released for hand delivery, deliberately: the outbox then shows the link.
    await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.locator('summary', { hasText: 'Belonging now' }).click();
    const hand = page.getByRole('form', { name: 'Hand delivery' });
    await hand.getByLabel('I will give each link only to the person it is for').check();
    await hand.getByRole('button', { name: 'Release the links' }).click();
    await page.getByText(/Its personal links were released to admins for hand delivery on/).waitFor();
    await nav.getByRole('link', { name: 'Outbox', exact: true }).click();
    await rowOf().getByText('Invitation: Where I belong: quarterly').click();
    await rowOf().getByText(`/s/${token}`).waitFor();

    // The campaign's progress: everyone invited, Robin's answers withdrawn (withheld: one is fewer than 5), nobody's count shown below 5.
    await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.locator('summary', { hasText: 'Belonging now' }).click();
    const owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    const invited = Number((await owner.query(`SELECT count(*) AS n FROM responses.invitation i JOIN forms.campaign c ON c.id = i.campaign_id WHERE c.name = 'Belonging now'`)).rows[0].n);
    await owner.end();
    const counts = page.locator('.progress .counts');
    await counts.waitFor();
    expect(await counts.locator('dt:has-text("Invited") + dd').textContent()).toBe(String(invited));
    // One withdrawal is a group of one: withheld.
    expect(await counts.locator('dt:has-text("Withdrawn") + dd').textContent()).toBe('withheld (under 5)');
    await page.getByRole('region', { name: 'Response rate by organisation, Belonging now' }).waitFor();
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });
});
