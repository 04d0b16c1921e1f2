// `npm run contract` against a conforming fake Partnero of this test's own
// (support/conforming-partnero.ts, independent of the sandbox) and against variants of it that
// each break one rule: every variant must be caught, and named by the check that owns the rule.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformingFake, type Break } from './support/conforming-partnero.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { descendantsOf, isAlive, runNode, startNode } from './support/processes.js';
import { CHECKS } from '../../scripts/contract/checks/index.mjs';

/** Every check but the workflows (redocly respect takes seconds; test/sandbox runs them) and those that need a flag of their own. */
const WITHOUT_WORKFLOWS = ['--checks', CHECKS.filter((c) => c.name !== 'arazzo_workflows' && !c.optIn).map((c) => c.name).join(',')];

const API_KEY = "k3y'<&>\"\\%+`$(x)-9f2c"; // XML, JSON, shell and URL metacharacters: must never be printed.

interface Report {
  kept: boolean;
  seed: number;
  requests: { sent: number; budget: number };
  checks: { name: string; ran: boolean; findings: { request: string; label?: string; expected: string; came: string }[] }[];
  inferences: { claim: string; verdict: string; file: string; edit?: string; evidence: string }[];
  cleanup: { state: string }[];
}

let dir: string;
let marked: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-contract-fakes-'));
  // A copy of the spec with a few x-partnero-inferred marks of this test's own (the spec's own
  // marks are the spec's business): on the search key, the link id after a rename, the page.
  marked = join(dir, 'openapi');
  await cp('openapi', marked, { recursive: true });
  const mark = async (file: string, claim: string, check?: string): Promise<void> => {
    const path = join(marked, file);
    const text = await readFile(path, 'utf8');
    const entry = (indent: string): string => `${indent}- claim: ${claim}\n${check ? `${indent}  check: ${check}\n` : ''}`;
    // Top-level list: added to it when the spec already has one, else a new one.
    const existing = /^x-partnero-inferred:\n( *)- /m.exec(text);
    await writeFile(path, existing ? text.replace(/^x-partnero-inferred:\n/m, `x-partnero-inferred:\n${entry(existing[1] ?? '')}`) : `${text.trimEnd()}\nx-partnero-inferred:\n${entry('  ')}`);
  };
  await mark('components/parameters/SearchKey.yaml', 'Matching is exact (test mark).', 'search_conformance');
  await mark('components/parameters/LinkId.yaml', 'After a rename the old id no longer finds the link (test mark).', 'use_after_free');
  await mark('components/parameters/Page.yaml', 'Page 0 is refused (test mark).', 'negative_data_rejection');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function contract(url: string, name: string, extra: string[] = []): Promise<{ code: number | string; output: string; report: Report }> {
  const file = join(dir, `${name}.json`);
  const { code, output } = await runNode(
    'scripts/contract.mjs',
    ['--base-url', url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', '500', '--seed', '7', '--spec', join(marked, 'openapi.yaml'), '--report', file, ...extra],
    { ...process.env, PARTNERO_API_KEY: API_KEY },
  );
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`no report (exit ${code}):\n${output}`);
  });
  return { code, output, report: JSON.parse(text) as Report };
}

const findingsOf = (report: Report, check: string): Report['checks'][number]['findings'] => report.checks.find((c) => c.name === check)?.findings ?? [];

describe('npm run contract against servers that break the spec', () => {
  it('finds nothing against the conforming fake, confirms the marked inferences, leaves nothing behind', async () => {
    const fake = await startConformingFake(API_KEY);
    try {
      const { code, output, report } = await contract(fake.url, 'conforming');
      expect(code, output).toBe(0);
      expect(report.kept).toBe(true);
      expect(report.checks.flatMap((c) => c.findings)).toEqual([]);
      const verdicts = Object.fromEntries(report.inferences.filter((i) => /test mark/.test(i.claim)).map((i) => [i.claim, i.verdict]));
      expect(verdicts).toEqual({
        'Matching is exact (test mark).': 'confirmed',
        'After a rename the old id no longer finds the link (test mark).': 'confirmed',
        'Page 0 is refused (test mark).': 'confirmed',
      });
      expect(report.cleanup.length).toBeGreaterThan(5);
      expect(report.cleanup.every((c) => c.state === 'absent' || c.state === 'deleted')).toBe(true);
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
      expect(report.requests.sent).toBeLessThanOrEqual(report.requests.budget + 100);
      expect(output).toContain('seed 7');
      expect(output).not.toContain(API_KEY);
    } finally {
      await fake.close();
    }
  });

  const cases: [Break, string, RegExp][] = [
    ['off-by-one-pages', 'pagination', /no item twice across the pages|meta\.from/],
    ['partial-search', 'search_conformance', /an exact match/],
    ['rename-overwrites', 'key_uniqueness', /unchanged after a refused rename|a 4xx: .* is taken by another link/],
    ['get-without-key', 'ignored_auth', /401 with no key/],
    ['delete-keeps-in-list', 'use_after_free', /no longer to hold/],
    ['next-same-page', 'pagination', /pointing at a page after/],
    ['case-sensitive-keys', 'key_uniqueness', /keys are not case sensitive|in another case/],
    ['crash-on-dot', 'not_a_server_error', /\[a key with \. .*\]: expected an answer that is not a server error/],
    ['limit-out-of-range', 'negative_data_rejection', /limit 251 \(above the maximum 250\)/],
    ['stale-url-after-rename', 'ensure_resource_availability', /url carrying the new key/],
    ['unknown-owner-200', 'negative_data_rejection', /an owner that does not exist/],
    ['old-id-answers', 'use_after_free', /404 \(the old id after a rename\)/],
  ];
  it.concurrent.each(cases)('a server with %s is caught by %s', async (broken, check, expected) => {
    const fake = await startConformingFake(API_KEY, broken);
    try {
      const { code, output, report } = await contract(fake.url, broken, WITHOUT_WORKFLOWS);
      expect(code, output).toBe(1);
      expect(report.kept).toBe(false);
      const found = findingsOf(report, check);
      expect(found.map((f) => `${f.request} [${f.label ?? ''}]: expected ${f.expected}`).join('\n'), output).toMatch(expected);
      expect(output).toMatch(new RegExp(`✖ ${check} \\(\\d+\\)`));
      expect(output).not.toContain(API_KEY);
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('reports an inferred workflow that fails as a contradicted inference, not as a failed workflow; documented workflows still pass', async () => {
    const fake = await startConformingFake(API_KEY, 'old-id-answers');
    try {
      const { code, output, report } = await contract(fake.url, 'workflow-inference', ['--checks', 'arazzo_workflows']);
      expect(code, output).toBe(1);
      expect(findingsOf(report, 'arazzo_workflows')).toEqual([]);
      const verdict = (claim: string): string | undefined => report.inferences.find((i) => i.claim === claim)?.verdict;
      expect(verdict('After a rename the old ID of a partner link answers 404.')).toBe('contradicted');
      expect(verdict('After a rename the old ID of a customer link answers 404.')).toBe('contradicted');
      expect(verdict('A create for a partner that does not exist is refused with 404 or 422, and nothing is created.')).toBe('confirmed');
      expect(report.inferences.find((i) => i.claim === 'After a rename the old ID of a partner link answers 404.')?.file).toBe('openapi/workflows/partner-links.arazzo.yaml');
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('with search answering 503 never says nothing was left behind: what it cannot verify is listed with how to remove it', async () => {
    const fake = await startConformingFake(API_KEY, 'search-503');
    try {
      const { code, output, report } = await contract(fake.url, 'search-503', WITHOUT_WORKFLOWS);
      expect(code).toBe(1);
      expect(output).not.toContain('nothing left behind');
      expect(report.cleanup.some((c) => c.state === 'unknown')).toBe(true);
      expect(report.cleanup.every((c) => c.state !== 'absent')).toBe(true);
      expect(output).toMatch(/✖ clean-up: partnerLinks contract-\d+-[0-9a-f]{6}-\S+ may be left behind: could not check: the search answered 503; remove it with: partnero partner-links delete "contract-/);
    } finally {
      await fake.close();
    }
  });

  it('reports a contradicted inference with what the server did and the file to edit', async () => {
    const fake = await startConformingFake(API_KEY, 'partial-search');
    try {
      const { output, report } = await contract(fake.url, 'partial-inference', ['--checks', 'search_conformance']);
      const exact = report.inferences.find((i) => i.claim === 'Matching is exact (test mark).');
      expect(exact?.verdict).toBe('contradicted');
      expect(exact?.file).toMatch(/components\/parameters\/SearchKey\.yaml$/);
      expect(exact?.edit).toContain('SearchKey.yaml');
      expect(output).toContain('✖ contradicted: Matching is exact (test mark).');
      // Only the chosen check ran.
      expect(report.checks.filter((c) => c.ran && c.name !== 'search_conformance' && !/conformance$|server_error$/.test(c.name)).map((c) => c.name)).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe('npm run contract stays bounded and safe', () => {
  const listen = async (server: Server): Promise<string> => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const stop = async (server: Server): Promise<void> => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };

  it('ends within a bounded time, saying why, against a server that never answers', async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const startedAt = Date.now();
      const { code, output } = await runNode('scripts/contract.mjs', ['--base-url', url, '--timeout', '1'], { ...process.env, PARTNERO_API_KEY: API_KEY });
      expect(code).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(20_000);
      expect(output).toMatch(/stopped: the server did not answer \d+ requests in a row within 1 s each: stopped sending/);
      expect(output).toMatch(/✖ not_a_server_error \(\d+\)/);
      expect(output).toContain('came none (no answer within 1 s)');
    } finally {
      await stop(silent);
    }
  });

  it('stops at its budget (--max-requests), cleans up within its reserve, and does not call a cut run kept', async () => {
    const fake = await startConformingFake(API_KEY);
    try {
      const { code, output, report } = await contract(fake.url, 'budget', ['--max-requests', '30', ...WITHOUT_WORKFLOWS]);
      expect(code).toBe(1);
      expect(report.kept).toBe(false);
      expect(report.requests.sent).toBeLessThanOrEqual(30 + 100);
      expect(output).toContain('stopped: the budget of 30 requests is spent (raise --max-requests to run every check)');
      expect(output).toContain('Stopped before the end, nothing broken so far');
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('reports answers slower than --max-response-time (max_response_time), and only when asked', async () => {
    const slow = createServer((req, res) => {
      req.resume();
      setTimeout(() => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not found.","status":0}'), 300);
    });
    const url = await listen(slow);
    try {
      const asked = await runNode('scripts/contract.mjs', ['--base-url', url, '--checks', 'max_response_time', '--max-response-time', '100'], { ...process.env, PARTNERO_API_KEY: API_KEY });
      expect(asked.code).toBe(1);
      expect(asked.output).toMatch(/✖ max_response_time \(\d+\)/);
      expect(asked.output).toMatch(/expected an answer within 100 ms, came \d{3,} ms/);
      const notAsked = await runNode('scripts/contract.mjs', ['--base-url', url, '--checks', 'max_response_time'], { ...process.env, PARTNERO_API_KEY: API_KEY });
      expect(notAsked.code).toBe(2);
      expect(notAsked.output).toContain('contract: --checks max_response_time needs --max-response-time');
      const others = await runNode('scripts/contract.mjs', ['--base-url', url, '--checks', 'not_a_server_error'], { ...process.env, PARTNERO_API_KEY: API_KEY });
      expect(others.output).not.toMatch(/[✔✖] max_response_time/);
    } finally {
      await stop(slow);
    }
  });

  it('never prints the key a careless server echoes back, however it escapes it; an HTML page is one finding', async () => {
    const echo = createServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      res.writeHead(401, { 'content-type': 'text/html' }).end(`<html><head><title>Bad Gateway</title></head><body>${auth} ${encodeURIComponent(auth)} ${JSON.stringify(auth)}</body></html>`);
    });
    const url = await listen(echo);
    try {
      const file = join(dir, 'echo.xml');
      const { code, output } = await runNode('scripts/contract.mjs', ['--base-url', url, '--report', file, '--checks', 'not_a_server_error,content_type_conformance'], { ...process.env, PARTNERO_API_KEY: API_KEY });
      expect(code).toBe(1);
      expect(output).not.toMatch(/✖ not_a_server_error/);
      const xmlText = await readFile(file, 'utf8');
      for (const text of [output, xmlText]) {
        for (const form of [API_KEY, encodeURIComponent(API_KEY), JSON.stringify(API_KEY).slice(1, -1), API_KEY.replace(/'/g, '&apos;'), API_KEY.replace(/&/g, '&amp;').replace(/'/g, '&apos;')]) {
          expect(text).not.toContain(form);
        }
      }
      expect(output).toMatch(/✖ content_type_conformance \(\d+\)/);
      expect(output).toContain('came an HTML page (text/html) titled "Bad Gateway"');
    } finally {
      await stop(echo);
    }
  });

  it.each([
    ['SIGINT', 130, /^negative_data_rejection:/m],
    ['SIGTERM', 143, /^arazzo_workflows:/m],
  ] as const)('on %s it cleans up what it created, verified, stops redocly respect, and exits %i', async (signal, exit, when) => {
    const fake = await startConformingFake(API_KEY);
    try {
      const run = startNode(
        'scripts/contract.mjs',
        ['--base-url', fake.url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', signal === 'SIGINT' ? '20' : '400'],
        { ...process.env, PARTNERO_API_KEY: API_KEY },
      );
      await run.waitFor(when, 60_000);
      // Let it create something first.
      await new Promise((resolve) => setTimeout(resolve, signal === 'SIGINT' ? 1500 : 1000));
      const children = descendantsOf(run.child.pid ?? 0);
      run.child.kill(signal);
      expect(await run.exited).toBe(exit);
      expect(run.output()).toContain(`${signal}: stopping; cleaning up what this run created first`);
      expect(run.output()).toMatch(/clean-up: nothing left behind \(\d+ throwaway keys looked up/);
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(children.filter((pid) => isAlive(pid))).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
