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
  const contrast = (await contrastShortfalls(page)).map((help) => ({ id: 'text-contrast', impact: 'serious', help, nodes: 1 }));
  return [...(await seriousAccessibilityViolations(page)), ...breaches, ...contrast];
}

/**
 * Text that falls short of WCAG AA contrast against what is behind it: 4.5:1, or 3:1 for large
 * text (24 px, or 18.66 px bold). axe-core leaves much of SurveyJS's text "incomplete" (its
 * backgrounds come from pseudo-elements), so this measures every visible text itself: the
 * text's colour over the stack of backgrounds beneath it, alpha included. Text on an image or
 * gradient, and disabled controls, are left out (WCAG exempts the latter).
 */
export async function contrastShortfalls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Measured as the page settles: a colour mid-transition (a button just pressed) is not what the person reads.
    for (const animation of document.getAnimations()) if (animation instanceof CSSTransition) animation.finish();
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba | null => {
      const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
      const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
      return null;
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    /** What is behind an element: its own and its ancestors' backgrounds, on white; null over an image. */
    const backdrop = (element: Element): Rgba | null => {
      const layers: Rgba[] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none') return null;
        const colour = parse(style.backgroundColor);
        if (colour && colour[3] > 0) layers.push(colour);
        if (colour && colour[3] >= 1) break;
      }
      return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255, 1] as Rgba);
    };
    const shortfalls: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const text = Array.from(element.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text || element.closest('[disabled], [aria-disabled="true"], .visually-hidden, .sv-visuallyhidden, .sd-visuallyhidden')) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility !== 'visible' || Number(style.opacity) === 0 || box.width < 2 || box.height < 2) continue;
      const behind = backdrop(element);
      const colour = parse(style.color);
      // Text drawn fully transparent is not seen (a yes/no's label under its thumb, which shows the same word).
      if (!behind || !colour || colour[3] === 0) continue;
      const fg = over(colour, behind);
      const [light, dark] = [luminance(fg), luminance(behind)].sort((x, y) => y - x) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5) - 0.005) shortfalls.push(`"${text.slice(0, 40)}" has contrast ${ratio.toFixed(2)}:1 (${style.color} on ${behind.map(Math.round).join(',')}), below ${large ? 3 : 4.5}:1`);
    }
    return shortfalls.slice(0, 20);
  });
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
