import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { repoRoot } from '@harbour/config';
import { DEMO_RESPONDENT_TOKEN } from '@harbour/demo';
import { responseCompression, staticFiles } from '@harbour/gateway';
import { RESPONDENT_INVITATION_QUERY } from '@harbour/survey-kit/respondent-page';
import { launchBrowser } from '../support/browser';
import { startBenchPlatform } from './bench-platform';
import { barChart, table } from './chart';

/** Lines as Chromium's DevTools emulates them (bytes per second, milliseconds of latency each way). */
const LINES = [
  { name: 'no throttling', latency: 0, download: -1, upload: -1 },
  // DevTools' "Fast 3G" preset: 1.6 Mbps down, 750 kbps up, 150 ms, each scaled as DevTools does.
  { name: 'Fast 3G', latency: 150 * 3.75, download: ((1.6 * 1024 * 1024) / 8) * 0.9, upload: ((750 * 1024) / 8) * 0.9 },
  { name: '4 Mbps / 150 ms', latency: 150, download: (4 * 1000 * 1000) / 8, upload: (4 * 1000 * 1000) / 8 },
];

interface PageLoad {
  /** Bytes the browser received for every request of the page, headers included, as they came over the wire. */
  bytes: number;
  requests: number;
  /** From navigation start to the first question's title drawn on screen. */
  firstQuestionMs: number;
}

/** Loads `url` in a fresh 360 × 740 phone context with no cache on `line`, until a question shows. */
async function loadOnce(browser: Browser, url: string, line: (typeof LINES)[number]): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: line.latency, downloadThroughput: line.download, uploadThroughput: line.upload });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    // Measured in the page, on the frame it first shows: not when this process hears of it.
    const shown = await page.waitForFunction(
      () => {
        const title = document.querySelector('.sd-question__title');
        return title && title.getBoundingClientRect().height > 0 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const firstQuestionMs = (await shown.jsonValue()) as number;
    // Whatever the page still fetches for this first screen (styles, the rest of a script) is counted too.
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    return { bytes, requests, firstQuestionMs };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The bare page: the same form with survey-core and survey-react-ui alone, built by vite with the
 * web app's compression, served by the gateway's own static file handler and compression.
 */
async function serveBarePage(form: unknown): Promise<{ url: string; close(): void }> {
  const web = path.join(repoRoot(), 'apps', 'web');
  const out = path.join(repoRoot(), '.harbour', 'bench-bare');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(web, 'bench', 'form.json'), JSON.stringify(form));
  execFileSync(process.execPath, [path.join(web, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(web, 'bench', 'vite.config.ts')], {
    cwd: web,
    env: { ...process.env, BARE_OUT_DIR: out },
    stdio: 'inherit',
  });
  const files = staticFiles(out);
  const compress = responseCompression();
  const server = createServer((req, res) => {
    compress(req, res);
    if (req.url === '/') req.url = '/bare.html';
    files(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/**
 * `pnpm bench`, respondent part: the respondent's page through the gateway (the demo's personal
 * link, an open survey) against the bare page, on a 360 px phone, on each emulated line: bytes
 * over the wire, requests, and time to the first question. Median of `runs`.
 */
export async function respondentBench(options: { runs: number }): Promise<void> {
  const { platform } = await startBenchPlatform();
  let browser: Browser | undefined;
  let bare: { url: string; close(): void } | undefined;
  try {
    const answer = (await (
      await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: RESPONDENT_INVITATION_QUERY, variables: { token: DEMO_RESPONDENT_TOKEN } }) })
    ).json()) as { data: { invitation: { form: unknown; surveyTitle: string } } };
    const { form, surveyTitle } = answer.data.invitation;
    bare = await serveBarePage(form);
    browser = await launchBrowser();
    const pages = [
      { name: 'Harbour /s/<token>', url: `${platform.webUrl}s/${DEMO_RESPONDENT_TOKEN}` },
      { name: 'bare SurveyJS page', url: bare.url },
    ];
    console.log(`\n-- The respondent's page ("${surveyTitle}") on a 360 × 740 phone, no cache; median of ${options.runs}`);
    const rows: (string | number)[][] = [];
    const ratios: string[] = [];
    const chart: { label: string; value: number; note?: string }[] = [];
    for (const line of LINES) {
      const results = [];
      for (const page of pages) {
        const loads: PageLoad[] = [];
        // One unmeasured load first, so the server has everything warm.
        await loadOnce(browser, page.url, LINES[0]!);
        for (let run = 0; run < options.runs; run++) loads.push(await loadOnce(browser, page.url, line));
        const result = { bytes: median(loads.map((l) => l.bytes)), requests: median(loads.map((l) => l.requests)), ms: median(loads.map((l) => l.firstQuestionMs)) };
        results.push(result);
        rows.push([line.name, page.name, result.requests, result.bytes / 1000, result.ms]);
        chart.push({ label: `${line.name}, ${page.name}`, value: result.ms, note: 'ms' });
      }
      const [harbour, plain] = [results[0]!, results[1]!];
      ratios.push(`${line.name}: first question, Harbour / bare page ${(harbour.ms / plain.ms).toFixed(2)}× (aim: at most 1.3×); bytes ${(harbour.bytes / plain.bytes).toFixed(2)}×`);
    }
    console.log(table(['line', 'page', 'requests', 'kB over the wire', 'first question ms'], rows));
    console.log(`\n${barChart(chart)}\n`);
    for (const ratio of ratios) console.log(ratio);
    const bytes = Number(rows[0]![3]);
    console.log(`Harbour's page over the wire: ${bytes.toFixed(1)} kB (aim: at most 450 kB)`);
  } finally {
    bare?.close();
    await browser?.close();
    await platform.stop();
  }
}
