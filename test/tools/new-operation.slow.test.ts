// The proof that the spec is the only thing a keeper edits (issue 8): in a copy of the project,
// one new operation is added to the spec, `npm run generate` and the build run there, and the
// new method works against a local node:http server (its input check, a typed error, response
// validation) with no hand-written line changed anywhere outside the spec.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../support/http-server.js';

const repo = new URL('../../', import.meta.url).pathname;
let copy: string;
let server: TestServer;
let handOwnedBefore: Map<string, string>;

/** Every file under `dir`, with its hash. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else out.set(relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

// A new operation, written as a keeper would: a path file and one line in the root file.
const NEW_PATH = `parameters:
  - $ref: ../components/parameters/LinkId.yaml
get:
  operationId: getPartnerReferralLinkClicks
  summary: Count a link's clicks
  description: How many times the link was clicked in the last \`days\` days (a made-up operation for this test).
  tags:
    - Partner referral links
  x-partnero-resource: partnerLinks
  x-partnero-method: clicks
  parameters:
    - name: days
      in: query
      required: true
      description: How many days back to count, from 1 to 90.
      schema:
        type: integer
        minimum: 1
        maximum: 90
        examples:
          - 30
  responses:
    '200':
      description: The count.
      content:
        application/json:
          schema:
            type: object
            description: The number of clicks.
            required: [data, status]
            properties:
              data:
                type: object
                description: The count.
                required: [clicks]
                properties:
                  clicks:
                    type: integer
                    minimum: 0
                    description: Clicks in the period.
                    examples: [12]
              status:
                type: integer
                const: 1
                description: Always 1 on success.
                examples: [1]
          examples:
            default:
              summary: Twelve clicks
              value:
                data:
                  clicks: 12
                status: 1
    '404':
      $ref: ../components/responses/ReferralLinkNotFound.yaml
`;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'partnero-new-operation-'));
  for (const entry of ['openapi', 'scripts', 'src', 'redocly.yaml', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) {
    cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  handOwnedBefore = hashes(join(copy, 'src'));
  writeFileSync(join(copy, 'openapi/paths/v1_partner_referral_links_id_clicks.yaml'), NEW_PATH);
  const root = readFileSync(join(copy, 'openapi/openapi.yaml'), 'utf8');
  writeFileSync(
    join(copy, 'openapi/openapi.yaml'),
    root.replace(/^paths:\n/m, 'paths:\n  /v1/partner_referral_links/{id}/clicks:\n    $ref: paths/v1_partner_referral_links_id_clicks.yaml\n'),
  );
  const run = (args: string[]): void => void execFileSync(process.execPath, args, { cwd: copy, stdio: 'pipe' });
  run(['scripts/generate.mjs']);
  run([join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  // The bundled spec beside the build (dist/openapi.json), as `npm run build` writes it: the MCP server reads it.
  run(['scripts/build-spec.mjs']);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a new operation added to the spec alone', () => {
  it('changed nothing under src/ but src/generated/', () => {
    const after = hashes(join(copy, 'src'));
    const changed = [...after].filter(([file, hash]) => handOwnedBefore.get(file) !== hash).map(([file]) => file);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => !file.startsWith('generated/'))).toEqual([]);
  });

  it('is a method of the built client: its input check, a typed error and response validation work', async () => {
    let answer: (res: Parameters<Parameters<typeof startServer>[0]>[1]) => void = () => {};
    server = await startServer((_req, res) => answer(res));
    const built = (await import(pathToFileURL(join(copy, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const client = built.createPartneroClient({ apiKey: 'sk_test_0123456789', baseUrl: server.url, validateResponses: true, maxRetries: 0 });
    const clicks = (client.partnerLinks as unknown as Record<string, (id: string, query?: unknown) => Promise<unknown>>)['clicks']!;
    expect(Object.keys(client.partnerLinks)).toContain('clicks');

    // Input check from the spec's rule, before anything is sent.
    await expect(clicks('ref_1', { days: 91 })).rejects.toThrow('getPartnerReferralLinkClicks: days must be an integer from 1 to 90, got 91');
    await expect(clicks('ref_1')).rejects.toBeInstanceOf(built.InvalidParameterError);
    expect(server.requests).toHaveLength(0);

    // A typed error.
    answer = (res) => json(res, 404, { message: 'Referral link not found.', status: 0 });
    const notFound = await clicks('ref_1', { days: 30 }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(built.NotFoundError);
    expect(server.requests.at(-1)?.url).toBe('/v1/partner_referral_links/ref_1/clicks?days=30');

    // Response validation with the new schema.
    answer = (res) => json(res, 200, { data: { clicks: 'many' }, status: 1 });
    const invalid = await clicks('ref_1', { days: 30 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(built.ResponseValidationError);
    expect((invalid as Error).message).toMatch(/\/data\/clicks: must be integer, got "many"/);

    answer = (res) => json(res, 200, { data: { clicks: 12 }, status: 1 });
    await expect(clicks('ref_1', { days: 30 })).resolves.toEqual({ data: { clicks: 12 }, status: 1 });
  });

  it('is an MCP tool: listed to the SDK’s Client with its summary, input and output schema from the spec, and callable', async () => {
    server ??= await startServer((_req, res) => json(res, 200, { data: { clicks: 12 }, status: 1 }));
    const mcp = (await import(pathToFileURL(join(copy, 'dist/mcp/index.js')).href)) as typeof import('../../src/mcp/index.js');
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
    const { server: mcpServer } = await mcp.createMcpServer({ apiKey: 'sk_test_0123456789', baseUrl: server.url, maxRetries: 0 });
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    await mcpServer.connect(serverSide);
    const client = new Client({ name: 'new-operation-test', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      const tool = (await client.listTools()).tools.find((t) => t.name === 'partner_links_clicks');
      expect(tool).toMatchObject({
        title: "Count a link's clicks",
        annotations: { readOnlyHint: true, destructiveHint: false },
        inputSchema: { type: 'object', required: ['id', 'days'], properties: { days: { type: 'integer', minimum: 1, maximum: 90 } } },
        outputSchema: { type: 'object', required: ['data', 'status'], properties: { data: { properties: { clicks: { type: 'integer' } } } } },
      });
      expect(tool!.description).toContain('How many times the link was clicked in the last `days` days');
      const refused = await client.callTool({ name: 'partner_links_clicks', arguments: { id: 'ref_1', days: 91 } });
      expect(refused).toMatchObject({ isError: true, content: [{ type: 'text', text: expect.stringContaining('Invalid argument days: getPartnerReferralLinkClicks: days must be an integer from 1 to 90, got 91') }] });
      const before = server.requests.length;
      const answered = await client.callTool({ name: 'partner_links_clicks', arguments: { id: 'ref_1', days: 30 } });
      expect(answered.structuredContent).toEqual({ data: { clicks: 12 }, status: 1 });
      expect(server.requests.slice(before).map((request) => request.url)).toEqual(['/v1/partner_referral_links/ref_1/clicks?days=30']);
    } finally {
      await client.close();
      await mcpServer.close();
    }
  });

  it('is typed: a consumer calling it compiles, and a wrong query does not', () => {
    writeFileSync(
      join(copy, 'src/consumer-check.ts'),
      `import { createPartneroClient } from './index.js';
const client = createPartneroClient({ apiKey: 'k' });
export const ok: Promise<{ data: { clicks: number }; status: 1 }> = client.partnerLinks.clicks('ref_1', { days: 30 });
// @ts-expect-error: days is required.
void client.partnerLinks.clicks('ref_1', {});
`,
    );
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noEmit'], { cwd: copy, stdio: 'pipe' })).not.toThrow();
  });
});
