import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@harbour/demo';
import { domSettled, launchBrowser, pageViolations } from '../support/browser';
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
async function offlinePage(width = 1280): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const blocked: string[] = [];
  const harbour = new URL(platform.webUrl).host;
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).host === harbour) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  return { page, blocked };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(platform.webUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Harbour' }).getByRole('link', { name: 'Reports', exact: true }).waitFor();
}

describe('reports, for an evaluator', () => {
  it('filters to one role across two settings, sees the charts and a suppressed cell, exports XLSX and runs a saved operation', async () => {
    const { page, blocked } = await offlinePage();
    await signIn(page, DEMO_ACCOUNTS.northmoorEvaluator);
    await page.getByRole('navigation', { name: 'Harbour' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

    const filters = page.getByRole('form', { name: 'Report filters' });
    // Only groups with enough responses to show are offered: the trust's own role has none.
    await filters.getByRole('group', { name: 'Roles' }).getByLabel('Peer support worker').waitFor();
    expect(await filters.getByRole('group', { name: 'Roles' }).getByLabel('Recovery college tutor').count()).toBe(0);
    await filters.getByRole('group', { name: 'Roles' }).getByLabel('Peer support worker').check();
    await filters.getByRole('group', { name: 'Settings' }).getByLabel('Community', { exact: true }).check();
    await filters.getByRole('group', { name: 'Settings' }).getByLabel('Inpatient', { exact: true }).check();
    await filters.getByLabel('Break down by').selectOption('TENURE_BAND');
    await filters.getByRole('button', { name: 'Show the report' }).click();

    // The charts, each with its table.
    await page.getByRole('heading', { name: 'Where people feel they belong' }).waitFor();
    await page.getByText('The belonging map: shares of each group').waitFor();
    await page.getByRole('table', { name: /mean \(0–10\) by role and setting/ }).waitFor();
    await page.getByText('Construct means by quarter answered (0–10)').waitFor();
    await page.getByText('The tenure curve: construct means by months in post (0–10)').waitFor();
    const responded = Number(await page.locator('dt:has-text("Responses in these figures") + dd').textContent());
    expect(responded).toBeGreaterThan(20);
    // Retention by belonging, drivers, and the comments (the group is over the comments minimum).
    await page.getByText('Left within 12 months of answering, by belonging band').waitFor();
    await page.getByRole('table', { name: /Belonging: the items that go with it most/ }).waitFor();
    expect(await page.locator('.comments li').count()).toBeGreaterThan(0);
    // The heatmap: peer support workers in the two settings chosen.
    const heatmap = page.getByRole('table', { name: /by role and setting/ });
    expect(await heatmap.locator('thead th').allTextContents()).toEqual(['Role', 'Community', 'Inpatient']);
    // Nobody is asked in their first three months: that band is suppressed, with the reason.
    const tenure = page.getByRole('table', { name: /^Months in post: responses and construct means/ });
    const first = tenure.getByRole('row', { name: /^0-3 months/ });
    await first.getByText('Suppressed').waitFor();
    expect(await first.textContent()).toMatch(/Fewer than 5 responses can be shown for this group/);

    // The XLSX holds the figures shown.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLSX (every table)' }).click()]);
    expect(file.suggestedFilename()).toBe('role-evaluation.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path())!);
    const summary = workbook.getWorksheet('Summary')!;
    const values = summary.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(values.find((r) => r[0] === 'Responses in these figures')![1]).toBe(responded);
    const belongingShown = await page.getByRole('table', { name: 'Constructs, 0–10 (95% interval), favourable share and internal consistency' }).getByRole('row', { name: /This filter Belonging/ }).locator('td').nth(2).textContent();
    const constructs = workbook.getWorksheet('Constructs')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect((constructs.find((r) => r[0] === 'This filter' && r[1] === 'Belonging')![3] as number).toFixed(1)).toBe(belongingShown);

    await domSettled(page);
    expect(await pageViolations(page)).toEqual([]);

    // The explorer, in the same tab: signed in, offline, a saved operation run.
    await page.getByRole('link', { name: 'Open the GraphQL explorer' }).click();
    await page.waitForURL(/\/graphql$/);
    expect(await page.title()).toBe('Harbour explorer');
    for (const name of ['RoleAcrossSettings', 'IsolationInPcn', 'RetentionByBelonging', 'Trend']) await page.getByRole('button', { name, exact: true }).waitFor();
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
    expect(await pageViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('reads on a phone, and its print layout leaves out the navigation and filters', async () => {
    const { page } = await offlinePage(360);
    await signIn(page, DEMO_ACCOUNTS.northmoorEvaluator);
    await page.getByRole('navigation', { name: 'Harbour' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { name: 'Trend by quarter' }).waitFor();
    await domSettled(page);
    expect(await pageViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Harbour' }).isVisible()).toBe(false);
    expect(await page.getByRole('form', { name: 'Report filters' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Where people feel they belong' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 90_000);

  it('still answers GraphQL at /graphql to scripts', async () => {
    const response = await fetch(new URL('/graphql', platform.webUrl), { headers: { accept: 'application/json' } });
    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});
