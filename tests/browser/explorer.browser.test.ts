import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@harbour/demo';
import { domSettled, launchBrowser, seriousAccessibilityViolations } from '../support/browser';
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

/** A page that can reach only Harbour itself: anything else fails, as with no internet. */
async function offlinePage(): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const blocked: string[] = [];
  const harbour = new URL(platform.webUrl).host;
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).host === harbour) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  return { page, blocked };
}

describe('the evaluator explorer at /graphql', () => {
  it('opens offline for a signed-in evaluator, with the saved operations, and runs one', async () => {
    const { page, blocked } = await offlinePage();
    await page.goto(platform.webUrl);
    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.northmoorEvaluator);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Harbour' }).waitFor();
    // The same tab keeps the session: the explorer sends it.
    await page.goto(new URL('/graphql', platform.webUrl).toString());
    await expect(page.title()).resolves.toBe('Harbour explorer');
    for (const name of ['RoleAcrossSettings', 'IsolationInPcn', 'RetentionByBelonging', 'Trend']) await page.getByRole('button', { name, exact: true }).waitFor();
    // The editors are ready once the first operation shows.
    await page.locator('.graphiql-query-editor').getByText('query RoleAcrossSettings').waitFor();
    await page.getByRole('button', { name: 'Trend', exact: true }).click();
    await page.locator('.graphiql-query-editor').getByText('query Trend').waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    const result = page.locator('.graphiql-response');
    await result.getByText('"period"', { exact: false }).first().waitFor();
    expect(await result.textContent()).toMatch(/"period": "2025-Q4"/);
    expect(blocked).toEqual([]);
    // Checked once the page is still: GraphiQL redraws for a moment after a result arrives.
    await domSettled(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('still answers GraphQL at /graphql to scripts', async () => {
    const response = await fetch(new URL('/graphql', platform.webUrl), { headers: { accept: 'application/json' } });
    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});
