import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, pageViolations } from '../support/browser';
import { DEMO_PASSWORD } from '@harbour/demo';
import { DEMO_ACCOUNTS, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openAt(width: number, email: string = DEMO_ACCOUNTS.platformAdmin): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(platform.webUrl);
  await signIn(page, email);
  await page.getByRole('heading', { level: 2, name: 'Northmoor Mental Health NHS Foundation Trust' }).waitFor();
  return page;
}

describe('signing in', () => {
  it('refuses a wrong password with a message, then lets the right one in, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(platform.webUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await signIn(page, DEMO_ACCOUNTS.northmoorEvaluator, 'not the password');
    expect(await page.getByRole('alert').textContent()).toBe('The email or password is not right');
    await signIn(page, DEMO_ACCOUNTS.northmoorEvaluator);
    await page.getByText('Signed in as Northmoor Workforce Evaluator').waitFor();
    // An evaluator of one trust sees that trust and nothing of the other tenant.
    await page.getByRole('heading', { level: 2, name: 'Northmoor Mental Health NHS Foundation Trust' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Northmoor Mental Health NHS Foundation Trust']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('can be done with the keyboard alone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(platform.webUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_ACCOUNTS.northmoorAdmin);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as Northmoor Trust Admin').waitFor();
    await page.close();
  });

  it.each([1280, 360])('has no serious or critical axe-core violation on the sign-in page at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(platform.webUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(page, DEMO_ACCOUNTS.northmoorEvaluator, 'wrong password here');
    await page.getByRole('alert').waitFor();
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });
});

async function surveyCountsFromDatabase(): Promise<Map<string, number>> {
  const client = new Client({ connectionString: platform.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT o.name || ' / ' || s.title AS key, count(r.id) FILTER (WHERE r.status = 'completed')::int AS n
      FROM forms.survey s JOIN directory.organisation o ON o.id = s.organisation_id
      LEFT JOIN responses.response r ON r.survey_id = s.id
      WHERE o.parent_id IS NULL GROUP BY 1`);
    return new Map(rows.map((row: { key: string; n: number }) => [row.key, row.n]));
  } finally {
    await client.end();
  }
}

describe('the organisations page', () => {
  it('shows each tenant, what is within it, and its surveys with their response counts', async () => {
    const page = await openAt(1280);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisations');
    const pcn = page.getByRole('region', { name: 'Riverside Primary Care Network' });
    expect(await pcn.getByRole('listitem').allTextContents()).toEqual([
      'Canal Street Practice (practice)',
      'Hillview Health Centre (practice)',
      'Oak Lane Surgery (practice)',
      'Riverside Medical Centre (practice)',
    ]);
    const expected = await surveyCountsFromDatabase();
    expect(expected.size).toBe(4);
    let reported = 0;
    for (const region of ['Northmoor Mental Health NHS Foundation Trust', 'Riverside Primary Care Network']) {
      const rows = await page.getByRole('region', { name: region }).locator('tbody tr').all();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        const [title, status, count] = await row.locator('td').allTextContents();
        expect(status).toBe('Published');
        // Counted as reports count (whole groups of five or more): never more than were stored, never a small group.
        expect(Number(count)).toBeLessThanOrEqual(expected.get(`${region} / ${title}`)!);
        expect(Number(count) === 0 || Number(count) >= 5).toBe(true);
        reported += Number(count);
      }
    }
    expect(reported).toBeGreaterThan(0);
    await page.close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const page = await openAt(360);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('works from the keyboard: the first Tab offers a skip link that moves focus to the content', async () => {
    const page = await openAt(1280);
    // A fresh load of the page, signed in (the session lasts as long as the tab).
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Northmoor Mental Health NHS Foundation Trust' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it.each([1280, 360])('has no serious or critical axe-core violation at %i px', async (width) => {
    const page = await openAt(width);
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  });
});
