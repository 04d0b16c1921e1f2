// The built docs site (site/, from global-setup.ts) in headless Chromium (a system one, else the
// one @sparticuz/chromium ships on npm: scripts/lib/browser.mjs) at 1280×800, served on a free
// port of 127.0.0.1, with a sandbox on another: navigation between the guides and the reference,
// the site's search, the reference's console listing and creating links in the sandbox, code
// samples that fit their column, no source tag or raw pattern in the rendered text, and no
// request beyond the site and the sandbox. Operations, samples and patterns come from the spec
// the reference shows and the bundled spec beside it, never from a list.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { SANDBOX, referenceAnchor, startSiteServer } from '../../scripts/lib/docs-site.mjs';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { pageSpec, type PageOperation } from './page-spec.js';

const { operations } = pageSpec();
const bundled = JSON.parse(readFileSync('site/openapi.json', 'utf8'));
const VIEWPORT = { width: 1280, height: 800 };

let browser: Browser;
let context: BrowserContext;
let site: Awaited<ReturnType<typeof startSiteServer>>;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
/** Every request the pages made, and those that went anywhere but the site and the sandbox. */
const requests: { url: string; method: string; authorization?: string }[] = [];
const escaped: string[] = [];
/** Uncaught exceptions and console errors. */
const problems: string[] = [];

beforeAll(async () => {
  site = await startSiteServer(join(process.cwd(), 'site'), 0);
  sandbox = await startSandbox({ port: 0 });
  ({ browser } = await launchChromium(chromium));
  context = await browser.newContext({ viewport: VIEWPORT });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === site.url || url.origin === sandbox.url || /^(data|blob|about):/.test(url.protocol)) return route.continue();
    escaped.push(url.href);
    return route.abort('blockedbyclient');
  });
  // The console's default server is the documented sandbox port; this test's sandbox has its own.
  await context.route('**/reference/config.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    expect(body).toContain(SANDBOX.url);
    await route.fulfill({ response, body: body.replaceAll(SANDBOX.url, sandbox.url) });
  });
  context.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), ...(request.headers().authorization ? { authorization: request.headers().authorization } : {}) });
  });
  context.on('page', (page) => watch(page));
  await mkdir('test-results/docs', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await sandbox?.close();
});

function watch(page: Page): void {
  page.on('pageerror', (error) => problems.push(`${page.url()}: exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url + path);
  return page;
}

/** The reference's console for an operation: its "Test Request" dialog. */
async function openConsole(op: PageOperation) {
  const page = await open(`/reference/index.html#${referenceAnchor(op.tag, op.method, op.path)}`);
  await page.getByRole('heading', { name: op.summary, exact: true }).first().waitFor();
  const testRequest = new RegExp(`Test Request.*${op.method.toLowerCase()} ${op.path.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')}\\)`);
  await page.getByRole('button', { name: testRequest }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Send/ }).first().waitFor();
  return { page, dialog };
}

/** The list and create operations of the first paginated resource with a create, from the spec. */
const listOp = operations.find((op) => bundled.paths[op.path][op.method.toLowerCase()]['x-partnero-pagination'] && op.path.includes('{id}'))!;
const createOp = operations.find((op) => bundled.paths[op.path][op.method.toLowerCase()]['x-partnero-create'])!;

describe('the docs site in Chromium', () => {
  it('navigates from the home page to a guide, between guides, to the reference and back', async () => {
    const page = await open('/');
    await page.locator('.VPNavBar').getByRole('link', { name: 'Guides' }).click();
    await page.waitForURL(/\/guide\/client/);
    await page.getByRole('heading', { level: 1, name: 'The client and its errors' }).waitFor();
    await page.locator('.VPSidebar').getByRole('link', { name: 'Bulk', exact: true }).click();
    await page.waitForURL(/\/guide\/bulk/);
    await page.getByRole('heading', { level: 1, name: /^Bulk\b/ }).waitFor();
    await page.locator('.VPNavBar').getByRole('link', { name: 'API reference' }).click();
    await page.waitForURL(/\/reference\/index\.html/);
    await page.getByRole('heading', { name: bundled.info.title }).first().waitFor();
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Guides' }).click();
    await page.waitForURL(/\/guide\/client/);
    await page.getByRole('heading', { level: 1, name: 'The client and its errors' }).waitFor();
    await page.close();
  });

  it('search finds a guide by what it explains, and an operation by its summary', async () => {
    const page = await open('/guide/client.html');
    await page.locator('.VPNavBarSearch button').first().click();
    const input = page.locator('.VPLocalSearchBox input').first();
    const results = page.locator('.VPLocalSearchBox a');
    await input.fill('journal');
    await expect.poll(() => results.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/guide/bulk.html#the-journal-and-resuming');
    const op = operations.at(-1)!;
    await input.fill(op.summary);
    const anchor = `/api/#${op.summary.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`;
    await expect.poll(() => results.first().getAttribute('href')).toBe(anchor);
    await results.first().click();
    await page.waitForURL((url) => url.pathname === '/api/');
    // The operations page leads on to the operation in the reference.
    await page.getByRole('link', { name: /Parameters, answers and console/ }).last().click();
    await page.waitForURL(/\/reference\/index\.html#/);
    await page.getByRole('heading', { name: op.summary, exact: true }).first().waitFor();
    await page.close();
  });

  it("the console lists a partner's links from the sandbox, sending the sandbox's key", async () => {
    const { page, dialog } = await openConsole(listOp);
    // The owner the console fills in: the spec's example, as in the CLI sample.
    const id = listOp.samples.find((s) => s.label === 'CLI')!.source.trim().split(' ')[3]!;
    const url = `${sandbox.url}${listOp.path.replace(/\{[^}]+\}/, id)}`;
    const expected = (await (await fetch(url, { headers: { authorization: `Bearer ${SANDBOX.apiKey}` } })).json()) as {
      data: { key: string }[];
    };
    expect(expected.data.length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: /^Send/ }).first().click();
    for (const link of expected.data) await expect.poll(() => dialog.innerText()).toContain(`"key": "${link.key}"`);
    const sent = requests.filter((r) => r.url.startsWith(url) && r.method === 'GET');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.at(-1)!.authorization).toBe(`Bearer ${SANDBOX.apiKey}`);
    await page.screenshot({ path: 'test-results/docs/console-list.png' });
    await page.close();
  });

  it('the console creates a link in the sandbox', async () => {
    const { page, dialog } = await openConsole(createOp);
    const key = `console-${Date.now().toString(36)}`;
    const example = JSON.parse(/--json '([^']*)'/.exec(createOp.samples.find((s) => s.label === 'CLI')!.source)![1]!);
    const body = { ...example, key };
    const editor = dialog.locator('.cm-content').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await editor.fill(JSON.stringify(body));
    await dialog.getByRole('button', { name: /^Send/ }).first().click();
    await expect.poll(() => dialog.innerText()).toContain(`"key": "${key}"`);
    // Found by the lookup the spec names for this create (a search by key).
    const lookup = bundled.paths[createOp.path].post['x-partnero-create'].lookup.operation;
    const search = operations.find((op) => op.operationId === lookup)!;
    const found = (await (await fetch(`${sandbox.url}${search.path}?key=${key}`, { headers: { authorization: `Bearer ${SANDBOX.apiKey}` } })).json()) as {
      data: { key: string }[];
    };
    expect(found.data.map((link) => link.key)).toEqual([key]);
    const sent = requests.filter((r) => r.method === 'POST' && r.url.startsWith(sandbox.url));
    expect(sent.at(-1)!.authorization).toBe(`Bearer ${SANDBOX.apiKey}`);
    await page.screenshot({ path: 'test-results/docs/console-create.png' });
    await page.close();
  });

  it('shows every code sample of every operation within its column at 1280×800', async () => {
    const page = await open('/reference/index.html');
    await page.getByRole('heading', { name: bundled.info.title }).first().waitFor();
    const cut: string[] = [];
    let checked = 0;
    for (const op of operations) {
      // Scalar renders sections as they come near: go to the operation as its sidebar link does.
      const anchor = referenceAnchor(op.tag, op.method, op.path);
      await page.evaluate((hash) => (location.hash = hash), anchor);
      // Scalar's id of the operation's section: the document's slug, then the anchor.
      const section = page.locator(`section[id$=${JSON.stringify(`/${anchor}`)}]`);
      await section.scrollIntoViewIfNeeded();
      for (const sample of op.samples) {
        await section.getByTestId('client-picker').first().click();
        await page.getByRole('option', { name: sample.label, exact: true }).first().click();
        const block = section.locator('.scalar-code-block').first();
        const firstLine = sample.source.split('\n')[0]!.trim();
        await expect.poll(() => block.innerText(), { message: `${op.operationId} ${sample.label}` }).toContain(firstLine.split(' ').slice(0, 2).join(' '));
        const fit = await block.evaluate((el) => {
          const scroller = el.querySelector('.custom-scroll') ?? el;
          return { overflow: scroller.scrollWidth - scroller.clientWidth, right: el.getBoundingClientRect().right };
        });
        checked += 1;
        if (fit.overflow > 1 || fit.right > VIEWPORT.width) cut.push(`${op.operationId} ${sample.label}: ${fit.overflow}px past its column, right edge ${fit.right}`);
      }
    }
    expect(checked).toBe(operations.reduce((n, op) => n + op.samples.length, 0));
    expect(cut).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows no source tag and no raw pattern in the reference or the operations page', async () => {
    const patterns = new Set<string>();
    (function collect(node: unknown): void {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        if (typeof (node as any).pattern === 'string') patterns.add((node as any).pattern);
        Object.values(node).forEach(collect);
      }
    })(bundled);
    expect(patterns.size).toBeGreaterThan(0);
    const page = await open('/reference/index.html');
    await page.getByRole('heading', { name: bundled.info.title }).first().waitFor();
    // Scalar renders sections as they come into view: scroll to the end, as a reader would.
    for (let step = 0; step < 400; step++) {
      const atEnd = await page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight);
        return window.scrollY === before;
      });
      if (atEnd) break;
      await page.waitForTimeout(25);
    }
    const reference = await page.locator('body').innerText();
    for (const op of operations) expect(reference, op.operationId).toContain(op.summary);
    const api = await open('/api/');
    const texts = { reference, operations: await api.locator('main').innerText() };
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).not.toMatch(/\[(doc|sdk)\s[^\]]*\]|\[inferred\]/);
      for (const pattern of patterns) expect(text.includes(pattern), `${name} shows ${pattern}`).toBe(false);
    }
    expect(reference).toMatch(/Allowed: /);
    expect(reference).toMatch(/Source: Partnero's/);
    await page.close();
    await api.close();
  }, 60_000);

  it("shows every picture the guides' Markdown embeds", async () => {
    // Each guide's images, as its Markdown names them (paths relative to docs/guide/).
    const guides = readdirSync('docs/guide').filter((file) => file.endsWith('.md'));
    const embedded = guides.flatMap((file) =>
      [...readFileSync(join('docs/guide', file), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => ({ guide: file.replace(/\.md$/, ''), src: m[1]! })),
    );
    expect(embedded.length).toBeGreaterThan(0);
    for (const guide of new Set(embedded.map((e) => e.guide))) {
      const page = await open(`/guide/${guide}.html`);
      await page.locator('.vp-doc h1').first().waitFor();
      // Vite names an image by its file and a hash, or inlines a small one as a data: URL.
      const wanted = embedded.filter((e) => e.guide === guide).map((e) => ({ name: e.src.split('/').at(-1)!.replace(/\.svg$/, ''), file: readFileSync(join('docs/guide', e.src), 'utf8') }));
      const shown = await page.locator('.vp-doc img').evaluateAll(async (imgs) =>
        Promise.all(
          (imgs as HTMLImageElement[]).map(async (img) => {
            await img.decode().catch(() => undefined);
            return { src: img.getAttribute('src') ?? '', width: img.naturalWidth };
          }),
        ),
      );
      expect(shown.length, guide).toBe(wanted.length);
      for (const [i, { name, file }] of wanted.entries()) {
        const { src, width } = shown[i]!;
        if (src.startsWith('data:')) {
          const payload = src.slice(src.indexOf(',') + 1);
          const text = /;base64,/.test(src) ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
          expect(text, guide).toBe(file);
        } else expect(src, guide).toContain(name);
        expect(width, `${guide}: ${name} did not load`).toBeGreaterThan(0);
      }
      await page.close();
    }
  }, 60_000);

  it('loads every page from its own origin: no script, style or font from anywhere else', () => {
    const pages = readdirSync('site', { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const entry of pages) {
      const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      const loads = [...html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)="([^"]*)"/g)].map((m) => m[3]!);
      for (const url of loads) expect(url, entry.name).not.toMatch(/^(https?:)?\/\//);
    }
  });

  it('sent no request beyond the site and the sandbox, and logged no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(escaped).toEqual([]);
    for (const { url } of requests) expect(['127.0.0.1', 'localhost'], url).toContain(new URL(url).hostname);
    expect(problems).toEqual([]);
  });
});
