// Opens the built docs/index.html in real headless Chromium (Debian's) and checks what a reader
// sees, and that the page loads nothing from the network.
import { mkdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshot = 'test-results/docs/list-referral-links.png';

let browser: Browser;
let page: Page;
/** Requests for anything but the file itself (file:, data:, blob:, about:), as the router saw them. */
const escaped: string[] = [];
/** Requests the page's Content-Security-Policy stopped before they left the browser. */
const blockedByPage: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // playwright-core makes a fresh temporary profile for each launch and deletes it on close.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
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
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp') blockedByPage.push(request.url());
  });
  await page.goto(pathToFileURL('docs/index.html').href);
  // Redoc 3 shows a tag's operations folded: open them, and every response field, as a reader would.
  await page.getByText('+ Show', { exact: true }).click();
  await page.getByRole('heading', { name: 'List referral links' }).waitFor();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await mkdir('test-results/docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  if (page) await page.screenshot({ path: screenshot, fullPage: true });
  await browser?.close();
});

describe('docs/index.html in Chromium', () => {
  it('shows the operation with its summary, method and path', async () => {
    const text = await page.locator('body').innerText();
    await expect(page.getByRole('heading', { name: 'List referral links' }).isVisible()).resolves.toBe(true);
    expect(text).toContain('/v1/partners/{id}/referral_links');
  });

  it('shows the three parameters with their types and ranges', async () => {
    for (const name of ['id', 'limit', 'page']) {
      await expect(page.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(true);
    }
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/\bid\n+string, non-empty\n+required/);
    expect(text).toMatch(/\blimit\n+integer, \[ 1 \.\. 250 \]/);
    expect(text).toMatch(/\bpage\n+integer, >= 1/);
  });

  it('shows the eight ReferralLink fields of the response', async () => {
    const fields = [
      'id',
      'key',
      'url',
      'default',
      'is_additional',
      'direct_tracking',
      'direct_tracking_redirect',
      'direct_tracking_redirect_url',
    ];
    for (const field of fields) {
      // Redoc writes `data[].id` with a zero-width space after the dot, as a line-break point.
      const label = page.getByText(new RegExp(`^data\\[\\]\\.\\u200b?${field}$`));
      await expect(label.isVisible(), field).resolves.toBe(true);
    }
  });

  it('shows the documented example response', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('"id": "ref_123"');
    expect(text).toContain('"url": "https://partnero.com?aff=ref_123"');
  });

  it('loads nothing from the network', () => {
    // The page's CSP stops Redoc's logo from cdn.redoc.ly (see scripts/docs-template.hbs):
    // such requests never leave the browser, everything else would be caught here.
    const left = escaped.filter((url) => !blockedByPage.includes(url));
    expect(left).toEqual([]);
  });
});

describe('the bundled spec beside it', () => {
  it('is one self-contained file, as YAML and as JSON', async () => {
    const json = JSON.parse(await readFile('docs/openapi.json', 'utf8')) as { openapi: string; paths: object };
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(['/v1/partners/{id}/referral_links']);
    const yaml = await readFile('docs/openapi.yaml', 'utf8');
    expect(yaml).toContain('operationId: listReferralLinks');
    // Bundled: no reference points into another file any more.
    expect(`${yaml}\n${JSON.stringify(json)}`).not.toMatch(/\$ref["']?:\s*["']?\.\.?\//);
  });
});
