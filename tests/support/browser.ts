import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';

/** Debian's Chromium: the project never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** What each page met that breaks the page policy: requests to another origin, and the browser's reports of CSP violations. */
const policyBreaches = new WeakMap<Page, string[]>();

/**
 * Chromium, with every page it opens watched from its first request: any request to an origin
 * other than the page's own, and every `securitypolicyviolation` event, is noted for
 * {@link pageViolations}.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    const breaches: string[] = [];
    policyBreaches.set(page, breaches);
    page.on('request', (request) => {
      const url = new URL(request.url());
      // The page's first navigation sets its origin; data: and blob: URLs are the page's own.
      if (page.url() === 'about:blank' || url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== new URL(page.url()).origin) breaches.push(`request to another origin: ${request.url()}`);
    });
    // Init scripts run before the page's own, outside its policy.
    await page.exposeFunction('__harbourViolation', (text: string) => breaches.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __harbourViolation(text: string): void }).__harbourViolation(
          `policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile || event.documentURI}:${event.lineNumber}`,
        );
      });
    });
    return page;
  };
  return browser;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * What is wrong with the page as it stands: axe-core's violations of serious or critical
 * impact, and every breach of the page policy since the page opened (a request to another
 * origin, a CSP violation), each as a violation of its own. Empty for a good page.
 */
export async function pageViolations(page: Page): Promise<AxeViolation[]> {
  const breaches = (policyBreaches.get(page) ?? []).map((help) => ({ id: 'page-policy', impact: 'serious', help, nodes: 1 }));
  return [...(await seriousAccessibilityViolations(page)), ...breaches];
}

/** Runs axe-core in the page; returns violations of serious or critical impact. */
async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's own policy (no inline script) lets it run.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Resolves once the page's DOM has not changed for `quietMs` (animations and late redraws done). */
export async function domSettled(page: Page, quietMs = 300): Promise<void> {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        let timer = setTimeout(done, quiet);
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    quietMs,
  );
}
