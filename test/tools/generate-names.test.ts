// The generator's name rules (scripts/lib/spec-names.mjs), on the project's own bundled spec
// with one name changed at a time (issue 16, items 22-26): every name that cannot become
// working, compiling, collision-free code is refused, with the name in the message. The same
// refusals end to end (one line naming the spec file, exit 1) are in generate.slow.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_COMMAND_WORDS,
  CLI_FLAGS,
  GENERATED_NAMES,
  OBJECT_MEMBERS,
  argumentNames,
  checkNames,
  exportedNames,
  isIdentifier,
  kebab as generatorKebab,
  locate,
  type NameProblem,
} from '../../scripts/lib/spec-names.mjs';
import { GLOBAL_FLAGS, kebab as cliKebab } from '../../src/cli/commands.js';
import { BULK_FLAG_NAMES } from '../../src/cli/bulk-flags.js';

const root = new URL('../../', import.meta.url);
const specFile = fileURLToPath(new URL('openapi/openapi.yaml', root));
const exports = exportedNames(readFileSync(new URL('src/index.ts', root), 'utf8'));

type Operation = Record<string, unknown> & { operationId: string; parameters?: Record<string, unknown>[] };
type Spec = { paths: Record<string, Record<string, Operation | Record<string, unknown>[] | undefined>>; components: { schemas: Record<string, unknown> } };
let spec: Spec;

beforeAll(async () => {
  const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
  // Dereferenced, as the generator reads names (a parameter's name is behind its $ref otherwise).
  spec = (await bundle({ ref: specFile, config, dereference: true })).bundle.parsed as Spec;
});

const check = (document: Spec): NameProblem[] => checkNames(document, { fixedNames: GENERATED_NAMES, exports });

/** The spec's operations, as [path, method, operation]. */
function operations(document: Spec): [string, string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    ['get', 'put', 'post', 'delete', 'patch'].flatMap((method) => (item[method] ? [[path, method, item[method] as Operation] as [string, string, Operation]] : [])),
  );
}

/** A copy of the spec with `change` applied to its first operation that `where` accepts. */
function changed(where: (op: Operation) => boolean, change: (op: Operation, document: Spec) => void): Spec {
  const copy = structuredClone(spec);
  const found = operations(copy).find(([, , op]) => where(op));
  if (!found) throw new Error('no such operation in the spec');
  change(found[2], copy);
  return copy;
}

const any = (): boolean => true;
const paginated = (op: Operation): boolean => op['x-partnero-pagination'] !== undefined;
const creates = (op: Operation): boolean => op['x-partnero-create'] !== undefined;

describe('the spec as it is', () => {
  it('has no name the generator refuses', () => {
    expect(check(spec)).toEqual([]);
  });
});

describe('issue 16 item 22: resources and methods that are Object.prototype members or make thenables', () => {
  // Every member of Object.prototype, from the language itself, not a list of cases.
  it.each(OBJECT_MEMBERS.filter(isIdentifier))('x-partnero-resource %s is refused', (name) => {
    const problems = check(changed(any, (op) => void (op['x-partnero-resource'] = name)));
    expect(problems.map((p) => p.name)).toContain(name);
    expect(problems.find((p) => p.name === name)?.message).toMatch(new RegExp(`^x-partnero-resource ${name} cannot be a property of the client`));
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'then'])('x-partnero-method %s is refused', (name) => {
    const problems = check(changed(any, (op) => void (op['x-partnero-method'] = name)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(new RegExp(`^x-partnero-method ${name} cannot be a property of client\\.\\w+`));
  });

  it('a resource or method named then: refused as a thenable', () => {
    expect(check(changed(any, (op) => void (op['x-partnero-resource'] = 'then')))[0]?.message).toMatch(/thenable/);
    expect(check(changed(paginated, (op) => void ((op['x-partnero-pagination'] as Record<string, unknown>)['method'] = 'then')))[0]?.message).toMatch(
      /^x-partnero-pagination\.method then .*thenable/,
    );
  });

  it('a method named keys on an ordinary resource is fine (only the resource constructor made it Object.keys)', () => {
    expect(check(changed(any, (op) => void (op['x-partnero-method'] = 'keys')))).toEqual([]);
  });
});

describe('issue 16 item 23: names that do not compile', () => {
  it('path parameters {link-id}, {options}, {default} get identifiers of their own in the signature', () => {
    expect(argumentNames(['link-id'], ['body', 'query', 'options'])).toEqual(['linkId']);
    expect(argumentNames(['options'], ['body', 'query', 'options'])).toEqual(['options_']);
    expect(argumentNames(['default'])).toEqual(['default_']);
    expect(argumentNames(['a-b', 'aB', '1st', 'class'])).toEqual(['aB', 'aB_', '_1st', 'class_']);
  });

  it('path parameter names openapi-fetch reads as a style ({.x}, {;x}, {x*}) are refused', () => {
    for (const name of ['.label', ';matrix', 'explode*']) {
      const problems = check(
        changed(
          (op) => (op.parameters ?? []).some((p) => p['in'] === 'path'),
          (op) => {
            const parameter = op.parameters!.find((p) => p['in'] === 'path')!;
            parameter['name'] = name;
          },
        ),
      );
      expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/read as a serialization style by openapi-fetch/));
    }
  });

  it('resources linkDomain and paginator: their interfaces LinkDomain and Paginator are already taken (a schema, an import)', () => {
    const linkDomain = check(changed(any, (op) => void (op['x-partnero-resource'] = 'linkDomain')));
    expect(linkDomain).toHaveLength(1);
    expect(linkDomain[0]).toMatchObject({ name: 'linkDomain' });
    expect(linkDomain[0]!.message).toMatch(/declared as LinkDomain .* already schema LinkDomain/);
    const paginator = check(changed(any, (op) => void (op['x-partnero-resource'] = 'paginator')));
    expect(paginator[0]!.message).toMatch(/declared as Paginator .* already a name the generated code uses itself/);
  });

  it('a resource whose interface would shadow a global (Promise, Omit) or an export of src/index.ts is refused', () => {
    for (const [resource, clash] of [
      ['promise', /a name of the JavaScript standard library/],
      ['omit', /a name of the JavaScript standard library/],
      ['partneroError', /src\/index\.ts exports itself/],
    ] as const) {
      expect(check(changed(any, (op) => void (op['x-partnero-resource'] = resource)))[0]?.message).toMatch(clash);
    }
  });

  it('a resource named after a DOM or Node global (request → Request) is fine: no generated code refers to those', () => {
    expect(check(changed(any, (op) => void (op['x-partnero-resource'] = 'request')))).toEqual([]);
  });

  it('a resource or method that is not an identifier is refused', () => {
    expect(check(changed(any, (op) => void (op['x-partnero-method'] = 'list-all')))[0]?.message).toMatch(/must be an identifier/);
  });
});

describe('issue 16 item 24: a query parameter named __proto__', () => {
  it('is refused (it would vanish from the table)', () => {
    const problems = check(
      changed(
        (op) => (op.parameters ?? []).some((p) => p['in'] === 'query'),
        (op) => void (op.parameters!.find((p) => p['in'] === 'query')!['name'] = '__proto__'),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('query parameter __proto__ is a member of every JavaScript object (Object.prototype): choose another name');
  });
});

describe('issue 16 item 25: two methods that are the same CLI command', () => {
  it('listAllDOMAINS and listAllDomains (both list-all-domains) are refused', () => {
    // The walk's name with its last word in capitals (listAllDomains → listAllDOMAINS) as the method's name.
    const problems = check(
      changed(paginated, (op) => {
        const walk = (op['x-partnero-pagination'] as { method: string }).method;
        op['x-partnero-method'] = walk.replace(/[A-Z][a-z0-9]*$/, (word) => word.toUpperCase());
      }),
    );
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/are both the CLI command [a-z-]+ [a-z-]+: choose names that differ in more than case/));
  });

  it('the generator words names as the CLI does (the same kebab function)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/), (name) => generatorKebab(name) === cliKebab(name)));
  });
});

describe('issue 16 item 26: x-partnero-create lookup.operation constructor', () => {
  it('is refused in words, as no operationId of the spec', () => {
    const problems = check(changed(creates, (op) => void ((op['x-partnero-create'] as { lookup: { operation: string } }).lookup.operation = 'constructor')));
    expect(problems).toEqual([expect.objectContaining({ name: 'constructor', message: 'x-partnero-create.lookup.operation "constructor" is no operationId of the spec' })]);
  });
});

describe('every x-partnero-* field that names an operation', () => {
  it('names an operationId of the spec (x-partnero-write.verify.operation hasOwnProperty is refused in words)', () => {
    const writes = (op: Operation): boolean => (op['x-partnero-write'] as { verify?: unknown } | undefined)?.verify !== undefined;
    const problems = check(changed(writes, (op) => void ((op['x-partnero-write'] as { verify: { operation: string } }).verify.operation = 'hasOwnProperty')));
    expect(problems).toEqual([expect.objectContaining({ message: 'x-partnero-write.verify.operation "hasOwnProperty" is no operationId of the spec' })]);
  });
});

describe('where a problem is said to be', () => {
  it('names the path item file and the line of the name', () => {
    const [path, method, op] = operations(spec)[0]!;
    const where = locate({ operation: path, method }, op['x-partnero-resource'] as string, specFile, fileURLToPath(root));
    expect(where).toMatch(/^openapi\/paths\/[\w.-]+\.yaml:\d+$/);
    const [file, line] = where.split(':');
    expect(readFileSync(new URL(file!, root), 'utf8').split('\n')[Number(line) - 1]).toContain(op['x-partnero-resource'] as string);
  });
});

describe('names the CLI keeps for itself (issue 24, carried)', () => {
  /** The create's request body schema (dereferenced) of a copy. */
  const body = (op: Operation): { properties: Record<string, unknown> } =>
    ((op['requestBody'] as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema as { properties: Record<string, unknown> });
  const field = { type: 'string', description: 'A field added by the test.' };

  it.each(CLI_COMMAND_WORDS)('a resource named %s is refused: partnero %s is a command of its own', (word) => {
    const problems = check(changed(any, (op) => void (op['x-partnero-resource'] = word)));
    expect(problems.map((p) => p.message)).toEqual([`x-partnero-resource ${word} would be the CLI resource ${word}, but partnero ${word} is a command of its own${word === 'mcp' ? ' (the MCP server)' : ''}: choose another name`]);
  });

  it('the generator keeps the flags the CLI has (every command\'s and --from\'s)', () => {
    expect([...CLI_FLAGS].sort()).toEqual([...GLOBAL_FLAGS, ...BULK_FLAG_NAMES].sort());
  });

  it('a body field that would be a flag of the CLI (--from, --json) is refused, naming both', () => {
    for (const name of ['from', 'json', 'rate_limit']) {
      const problems = check(changed(creates, (op) => void (body(op).properties[name] = field)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ name, at: { field: name } });
      expect(problems[0]!.message).toMatch(new RegExp(`^body field ${name} would be the flag --${cliKebab(name)} of partnero partner-links create, which is already the CLI's own --${cliKebab(name)}: rename one of them$`));
    }
  });

  it('two body fields that become one flag (partner_id beside partner.id) are refused, naming both', () => {
    const problems = check(changed(creates, (op) => void (body(op).properties['partner_id'] = field)));
    expect(problems.map((p) => p.message)).toEqual([
      'body field partner_id would be the flag --partner-id of partnero partner-links create, which is already --partner-id of body field partner.id: rename one of them',
    ]);
  });

  it('a field whose flag is the negation of another (no_key beside key) is refused', () => {
    const problems = check(changed(creates, (op) => void (body(op).properties['no_key'] = field)));
    expect(problems.map((p) => p.message)).toEqual([
      'body field no_key would be the flag --no-key of partnero partner-links create, the negation of --key of body field key: rename one of them',
    ]);
  });

  it('a query parameter named json (the --json of every command) is refused', () => {
    const problems = check(
      changed(
        (op) => (op.parameters ?? []).some((p) => p['in'] === 'query'),
        (op) => void op.parameters!.push({ name: 'json', in: 'query', description: 'A parameter added by the test.', schema: { type: 'string' } }),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^query parameter json would be the flag --json of partnero [a-z-]+ [a-z-]+, which is already the CLI's own --json: rename one of them$/);
  });
});
