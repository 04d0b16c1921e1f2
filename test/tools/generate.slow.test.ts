// `npm run generate` as a spec keeper meets it, in copies of the project with one thing changed
// in openapi/ (issue 16 items 22-26, issue 18 item 4): a name that cannot become working,
// compiling, collision-free code is refused in one line naming the spec file (and line) and
// the name, a spec that fails lint gives one line per problem with file and line, always exit
// 1 and no stack trace; path parameters that are not identifiers compile and work.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const copies: string[] = [];

/** A copy of the project (node_modules linked), with `edit` applied to its files. */
function copyProject(edit: (file: (path: string, change: (text: string) => string) => void) => void): string {
  const copy = mkdtempSync(join(tmpdir(), 'partnero-generate-'));
  copies.push(copy);
  for (const entry of ['openapi', 'scripts', 'src', 'redocly.yaml', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) {
    cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  edit((path, change) => {
    const file = join(copy, path);
    const before = readFileSync(file, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing`);
    writeFileSync(file, after);
  });
  return copy;
}

/** Runs `node scripts/generate.mjs` in `cwd` (as `npm run generate` does). */
function generate(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/generate.mjs'], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** The spec's path files for the partner link family, as the repository has them. */
const CREATE = 'openapi/paths/v1_partner_referral_links.yaml';
const DOMAINS = 'openapi/paths/v1_partner_referral_links_domains.yaml';

/** One changed spec per item: what to change, and the name the one line must give. */
const refusals: { title: string; file: string; edit: (text: string) => string; name: string; says: RegExp }[] = [
  {
    title: 'issue 16 item 22: resource constructor (it wrote list and listAll onto Object)',
    file: CREATE,
    edit: (t) => t.replace(/x-partnero-resource: \w+/, 'x-partnero-resource: constructor'),
    name: 'constructor',
    says: /cannot be a property of the client/,
  },
  {
    title: 'issue 16 item 22: method then (it made the resource a thenable)',
    file: CREATE,
    edit: (t) => t.replace(/x-partnero-method: \w+/, 'x-partnero-method: then'),
    name: 'then',
    says: /thenable/,
  },
  {
    title: 'issue 16 item 23: resource linkDomain (its interface collided with the schema LinkDomain)',
    file: CREATE,
    edit: (t) => t.replace(/x-partnero-resource: \w+/, 'x-partnero-resource: linkDomain'),
    name: 'linkDomain',
    says: /LinkDomain/,
  },
  {
    title: 'issue 16 item 23: resource paginator (its interface collided with the imported Paginator)',
    file: CREATE,
    edit: (t) => t.replace(/x-partnero-resource: \w+/, 'x-partnero-resource: paginator'),
    name: 'paginator',
    says: /Paginator/,
  },
  {
    title: 'issue 16 item 24: a query parameter named __proto__ (it vanished from the table)',
    file: DOMAINS,
    // An inline query parameter of the domains list, so that the path file is the one to name.
    edit: (t) => t.replace(/^(get:\n(?:.*\n)*?  parameters:\n)/m, '$1    - name: __proto__\n      in: query\n      description: A query parameter with a bad name.\n      schema:\n        type: string\n        examples: [x]\n'),
    name: '__proto__',
    says: /query parameter __proto__ is a member of every JavaScript object/,
  },
  {
    title: 'issue 16 item 25: methods listAllDOMAINS and listAllDomains (both the command list-all-domains)',
    file: DOMAINS,
    edit: (t) => t.replace(/x-partnero-method: \w+/, 'x-partnero-method: listAllDOMAINS'),
    // Said where the second of the two is written (the walk's name), naming the first too.
    name: 'listAllDomains',
    says: /listAllDomains and listAllDOMAINS .* both the CLI command partner-links list-all-domains/,
  },
  {
    title: "issue 16 item 26: x-partnero-create's lookup.operation constructor (it crashed with a stack trace)",
    file: CREATE,
    edit: (t) => t.replace(/(lookup:\n\s+operation: )\w+/, '$1constructor'),
    name: 'constructor',
    says: /x-partnero-create\.lookup\.operation "constructor" is no operationId of the spec/,
  },
  {
    title: 'issue 24 (carried): resource mcp (the command partnero mcp would shadow it)',
    file: CREATE,
    edit: (t) => t.replace(/x-partnero-resource: \w+/, 'x-partnero-resource: mcp'),
    name: 'mcp',
    says: /x-partnero-resource mcp would be the CLI resource mcp, but partnero mcp is a command of its own/,
  },
  {
    title: 'issue 24 (carried): a body field partner_id beside partner.id (both the flag --partner-id; one was dropped quietly)',
    file: 'openapi/components/schemas/NewPartnerReferralLink.yaml',
    // The last property, so that partner.id (from `partner`, earlier) has the flag first.
    edit: (t) => `${t.trimEnd()}\n  partner_id:\n    type: string\n    description: A field whose flag is the flag of partner.id.\n    examples: [partner_123]\n`,
    name: 'partner_id',
    says: /body field partner_id would be the flag --partner-id of partnero partner-links create, which is already --partner-id of body field partner\.id: rename one of them/,
  },
];

describe('npm run generate refuses every name it cannot turn into working code, in one line', () => {
  // All copies generate at once: each stops before writing anything.
  const results = refusals.map((refusal) => {
    const copy = copyProject((file) => file(refusal.file, refusal.edit));
    return { copy, result: generate(copy) };
  });

  it.each(refusals.map((refusal, index) => [refusal.title, index] as const))('%s', async (_title, index) => {
    const { title, file, name, says } = refusals[index]!;
    const { copy, result } = results[index]!;
    const { code, stdout, stderr } = await result;
    expect(code, title).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(says);
    expect(line).toContain(name);
    // The spec file and the line where the name is written.
    const where = new RegExp(`^generate: (${file.replace(/[.]/g, '\\.')}):(\\d+): `).exec(line);
    expect(where, line).not.toBeNull();
    expect(readFileSync(join(copy, where![1]!), 'utf8').split('\n')[Number(where![2]) - 1]).toContain(name);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(Object.keys).toBeTypeOf('function');
  });
});

describe("npm run generate checks the spec's own rules for examples and parameter choices (issue 25)", () => {
  const SEARCH = 'openapi/paths/v1_partner_referral_links_search.yaml';
  const DELETE = 'openapi/paths/v1_partner_referral_links_id.yaml';
  const cases = [
    { file: CREATE, edit: (t: string) => t.replace(/  x-partnero-example-status: '200'\n/, ''), says: /^generate: createPartnerReferralLink: answers 200 and 201: x-partnero-example-status must name/ },
    { file: DELETE, edit: (t: string) => t.replace("x-partnero-example-status: '200'\n  x-partnero-write:\n    # After a failure that may have deleted", "x-partnero-example-status: '204'\n  x-partnero-write:\n    # After a failure that may have deleted"), says: /^generate: deletePartnerReferralLink: x-partnero-example-status "204" must be the first 2xx response listed \(200\)$/ },
    { file: SEARCH, edit: (t: string) => t.replace(/    - id\n    - key\n/, '    - id\n    - limit\n'), says: /^generate: searchPartnerReferralLinks: x-partnero-exactly-one names "limit", not a query parameter of this operation$/ },
    { file: SEARCH, edit: (t: string) => t.replace(/    - id\n    - key\n/, '    - id\n'), says: /^generate: searchPartnerReferralLinks: x-partnero-exactly-one must list two or more different parameter names$/ },
  ];
  const runs = cases.map(({ file, edit }) => generate(copyProject((change) => change(file, edit))));
  it.each(cases.map((c, index) => [String(c.says), index] as const))('refuses in one line: %s', async (_says, index) => {
    const { code, stdout, stderr } = await runs[index]!;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(cases[index]!.says);
  });
});

describe('issue 18 item 4: npm run generate on a spec that fails lint', () => {
  it('prints one line per problem with file and line, as lint:spec reports them, exit 1, no stack trace', async () => {
    // Two optional properties without their description, in two files.
    const removed: { file: string; property: string }[] = [
      { file: 'openapi/components/schemas/ApiError.yaml', property: 'message' },
      { file: 'openapi/components/schemas/LinkDomain.yaml', property: 'url' },
    ];
    const copy = copyProject((file) => {
      for (const { file: path, property } of removed) {
        file(path, (text) => text.replace(new RegExp(`^(  ${property}:\\n(?:    (?!description).*\\n)*)    description: .*\\n(?:      .*\\n)*`, 'm'), '$1'));
      }
    });
    const { code, stdout, stderr } = await generate(copy);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/^\s+at |Error:|file:\/\//m);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('generate: the spec fails lint (2 errors), nothing generated');
    const problems = lines.slice(0, -1);
    expect(problems).toHaveLength(2);
    for (const { file, property } of removed) {
      // Redocly points at the first line of the property's schema (the line after its name),
      // in the edited file, as `npm run lint:spec` does.
      const line = readFileSync(join(copy, file), 'utf8').split('\n').findIndex((text) => text === `  ${property}:`) + 2;
      expect(problems).toContainEqual(`generate: ${file}:${line}:5: error rule/schema-property-described: Every schema property needs a description.`);
    }
  });
});

describe('issue 16 item 23: path parameters {link-id}, {default}, {options}', () => {
  it('generate code that compiles, and the methods send the value in the path', async () => {
    const names = { partner: 'link-id', customer: 'default', list: 'options' };
    const copy = copyProject((file) => {
      file('openapi/components/parameters/LinkId.yaml', (t) => t.replace(/^name: id$/m, `name: ${names.partner}`));
      file('openapi/components/parameters/CustomerLinkId.yaml', (t) => t.replace(/^name: id$/m, `name: ${names.customer}`));
      file('openapi/components/parameters/PartnerId.yaml', (t) => t.replace(/^name: id$/m, `name: ${names.list}`));
      file('openapi/openapi.yaml', (t) =>
        t
          .replace('/v1/partner_referral_links/{id}:', `/v1/partner_referral_links/{${names.partner}}:`)
          .replace('/v1/customer_referral_links/{id}:', `/v1/customer_referral_links/{${names.customer}}:`)
          .replace('/v1/partners/{id}/referral_links:', `/v1/partners/{${names.list}}/referral_links:`),
      );
    });
    const generated = await generate(copy);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const resources = readFileSync(join(copy, 'src/generated/resources.ts'), 'utf8');
    expect(resources).toMatch(/ get\(linkId: string, options\?: RequestOptions\)/);
    expect(resources).toMatch(/ get\(default_: string, options\?: RequestOptions\)/);
    expect(resources).toMatch(/ list\(options_: string, query\?: QueryOf<'listPartnerReferralLinks'>, options\?: RequestOptions\)/);
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: copy }, (error, stdout) =>
        error ? reject(new Error(`tsc failed:\n${stdout}`)) : resolve(),
      ),
    );
    const built = (await import(pathToFileURL(join(copy, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const urls: string[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      urls.push(new URL(request.url).pathname);
      return new Response(JSON.stringify({ message: 'Not found.' }), { status: 404, headers: { 'content-type': 'application/json' } });
    };
    const client = built.createPartneroClient({ apiKey: 'sk_test_0123456789', baseUrl: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
    await expect(client.partnerLinks.get('ref/1')).rejects.toBeInstanceOf(built.NotFoundError);
    await expect(client.customerLinks.get('c 1')).rejects.toBeInstanceOf(built.NotFoundError);
    await expect(client.partnerLinks.list('partner_123')).rejects.toBeInstanceOf(built.NotFoundError);
    await expect(client.partnerLinks.get('')).rejects.toBeInstanceOf(built.InvalidParameterError);
    expect(urls).toEqual(['/v1/partner_referral_links/ref%2F1', '/v1/customer_referral_links/c%201', '/v1/partners/partner_123/referral_links']);
  }, 180_000);
});
