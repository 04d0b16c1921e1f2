// Opens the built docs/index.html in headless Chromium (a system one, else the one
// @sparticuz/chromium ships on npm: scripts/lib/browser.mjs) and checks what a reader sees on
// load, without a click, and that the page loads nothing and logs no error. The operations and
// samples expected come from the spec the page embeds. What needs no browser (the spec the page
// embeds, the bundled files beside it) is in page.test.ts.
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { paragraphs } from '../../scripts/lib/docs-spec.mjs';
import { pageSpec } from './page-spec.js';

const screenshot = 'test-results/docs/first-screen.png';
const { spec, operations } = pageSpec();

let browser: Browser;
let page: Page;
/** Requests for anything but the file itself (file:, data:, blob:, about:). */
const escaped: string[] = [];
/** Requests that failed for any reason (the page's CSP included). */
const failed: string[] = [];
/** Console errors and warnings, and uncaught exceptions. */
const problems: string[] = [];

beforeAll(async () => {
  ({ browser } = await launchChromium(chromium));
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    escaped.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) escaped.push(request.url());
  });
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  await page.goto(pathToFileURL('docs/index.html').href);
  await page.getByRole('heading', { name: operations[0]!.summary }).first().waitFor();
  await mkdir('test-results/docs', { recursive: true });
  // What a reader sees first, before any scrolling or click.
  await page.screenshot({ path: screenshot });
  // Redoc mounts sections further down as the reader scrolls, and paints only those in view
  // (content-visibility): scroll to the end once, as a reader would, then back to the top.
  for (let step = 0; step < 500; step++) {
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight);
      return window.scrollY === before;
    });
    if (atEnd) break;
    await page.waitForTimeout(30);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('docs/index.html in Chromium, on load', () => {
  it('lists every operation in the first screen, without a click', async () => {
    const menu = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const op of operations) {
      const entry = menu.getByText(op.summary, { exact: true });
      await expect(entry.isVisible(), op.summary).resolves.toBe(true);
      const box = await entry.boundingBox();
      expect(box, op.summary).not.toBeNull();
      expect(box!.y + box!.height, `${op.summary} is below the first screen`).toBeLessThanOrEqual(1000);
    }
    await expect(page.getByText('+ Show', { exact: true }).count()).resolves.toBe(0);
  });

  it('renders each operation with its method, path and a request sample panel, unfolded', async () => {
    const text = (await page.locator('body').textContent()) ?? '';
    for (const op of operations) {
      // Redoc paints sections as they scroll into view (content-visibility): scroll, never click.
      const heading = page.locator(`h2:text-is(${JSON.stringify(op.summary)})`);
      await expect(heading.count(), op.summary).resolves.toBe(1);
      await heading.scrollIntoViewIfNeeded();
      await expect(heading.isVisible(), op.summary).resolves.toBe(true);
      expect(text, op.operationId).toContain(op.path);
      expect(op.samples.map((s) => s.label), op.operationId).toEqual(['curl', 'TypeScript']);
    }
    await expect(page.locator('.panel-request-samples').count()).resolves.toBe(operations.length);
  });

  it("shows the first operation's curl line, and its TypeScript call when the reader picks TypeScript", async () => {
    const [curl, typescript] = operations[0]!.samples;
    const panel = page.locator('.panel-request-samples').first();
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect.poll(() => panel.innerText()).toContain(curl!.source);
    await panel.getByRole('button', { name: 'curl', exact: true }).click();
    await page.getByRole('menuitem', { name: 'TypeScript' }).first().click();
    await expect.poll(() => panel.innerText()).toContain(typescript!.source.trim());
  });

  it('shows no paragraph of a description twice', async () => {
    // textContent: sections out of view are in the page but not painted (see above).
    const typographic = (t: string) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
    const main = typographic((await page.locator('[data-component-name="Layout/ThreePanelLayout"]').first().textContent()) ?? '');
    const texts = [spec.info.description, ...operations.map((op) => op.description)].flatMap((d) => paragraphs(d));
    // Compare plain words: Markdown marks are not in the rendered text.
    const plain = (p: string) => typographic(p.replace(/`|\*\*|\[([^\]]*)\]\([^)]*\)/g, '$1')).trim();
    const checked = texts.map(plain).filter((p) => p.length > 40 && !/[|#<>]/.test(p));
    expect(checked.length).toBeGreaterThan(0);
    for (const p of checked) expect(main.split(p).length - 1, p).toBe(1);
  });

  it('loads nothing from the network and logs no error or warning', () => {
    expect(escaped).toEqual([]);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  });
});
