// The names a spec keeper writes (x-partnero-resource, x-partnero-method, operationIds,
// parameter and schema names) become property keys, method names, TypeScript identifiers and
// CLI words in generated code. This module says which names cannot become working,
// compiling, collision-free code, by rules rather than by a list of cases:
//
//   - a name that becomes a property key (of the client, a resource, the operation table, a
//     rule map) must not be a member of Object.prototype (`constructor`, `toString`,
//     `__proto__`, ...), and a client or resource property must not be `then` (it would make
//     the object a thenable: `await client` would call it);
//   - a name written as an identifier must be one;
//   - a top-level name of the generated files (a schema's type, a resource's interface, a
//     validator) must not be declared twice, nor be a JavaScript global or a type of
//     TypeScript's standard library (the generated code would refer to the wrong one), nor a
//     name the package's entry exports itself (its own export would hide the generated one);
//   - two names must not become the same CLI word (`listAllDOMAINS` and `listAllDomains` are
//     both `list-all-domains`), a resource must not take a word the CLI keeps for a command of
//     its own (`mcp`, `help`), and no two parameters or fields of a command may become the same
//     flag, nor a flag the CLI has on every command or with --from (`json`, `from`), nor one
//     flag the negation of another (`no_key` beside `key`).
//
// Path parameters need not be identifiers (`{link-id}`, `{default}`, `{options}`): the
// generated signature gives each a safe name of its own (argumentNames), since the runtime
// takes path values by position.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';

/** Property keys that an object inherits: never a generated key. */
export const OBJECT_MEMBERS = Object.freeze(Object.getOwnPropertyNames(Object.prototype));

/** Keys that may not be properties of objects a caller may `await`: the client and its resources. */
export const NOT_AWAITABLE = Object.freeze([...OBJECT_MEMBERS, 'then']);

/** ECMAScript reserved words (strict mode included) and TypeScript's: never a parameter name. */
export const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval ' +
    'any boolean number string symbol bigint object never unknown undefined type as is keyof readonly infer unique'
  ).split(' '),
);

/**
 * The top-level names that scripts/generate.mjs writes into resources.ts and validators.ts
 * itself (imports and fixed declarations): no spec name may take them. (The generator also
 * checks its output for a name declared twice, should this list fall behind its templates.)
 */
export const GENERATED_NAMES = Object.freeze([
  'components', 'BodyOf', 'ListAllOptions', 'QueryOf', 'RequestOptions', 'ResultOf', 'Paginator', 'Resources',
  'ValidationErrorObject', 'Validator', 'bodyRules', 'formats', 'NOT_URI_FRAGMENT', 'URI',
]);

/**
 * Words the CLI keeps for itself: commands of its own in the resource's place (`partnero mcp`,
 * `partnero help`), and the flags every command has and those of `--from` (src/cli/commands.ts
 * GLOBAL_FLAGS and src/cli/bulk-flags.ts BULK_FLAG_NAMES; a test keeps them equal).
 */
export const CLI_COMMAND_WORDS = Object.freeze(['mcp', 'help']);
export const CLI_FLAGS = Object.freeze(['json', 'base-url', 'help', 'version', 'from', 'journal', 'no-journal', 'concurrency', 'rate-limit', 'redis']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether `name` can be written as a JavaScript identifier (ASCII, as this spec's names are). */
export const isIdentifier = (name) => typeof name === 'string' && IDENTIFIER.test(name);

/** The CLI's word for a name: the same function as kebab() in src/cli/commands.ts (a test keeps them equal). */
export function kebab(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** The interface name of a resource: `partnerLinks` → `PartnerLinks`. */
export const pascal = (name) => name[0].toUpperCase() + name.slice(1);

/**
 * Names a top-level declaration of generated code must not take: those of the ECMAScript
 * standard library as TypeScript declares it (lib.es5.d.ts and lib.es20XX.*.d.ts: `Promise`,
 * `Omit`, `Record`, `Object`, `Number`, `Math`, ...), which generated code refers to. Names of
 * the DOM or Node (`Request`, `File`, `Event`) are not among them: nothing generated uses them,
 * so a schema may be called so.
 */
export function globalNames() {
  const names = new Set();
  const folder = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es5.d.ts'));
  for (const file of readdirSync(folder).filter((name) => /^lib\.es(5|20\d\d)(\.[a-z]+)*\.d\.ts$/.test(name))) {
    const lib = readFileSync(join(folder, file), 'utf8');
    for (const [, name] of lib.matchAll(/^(?:declare )?(?:interface|type|var|function|const|namespace) ([A-Za-z_$][\w$]*)/gm)) names.add(name);
  }
  return names;
}

/** The names a TypeScript module exports by name (`export { A, B as C }`, `export type { D }`, `export function e`). */
export function exportedNames(source) {
  const names = new Set();
  for (const [, list] of source.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const entry of list.split(',')) {
      const name = entry.trim().split(/\s+as\s+/).at(-1)?.replace(/^type\s+/, '').trim();
      if (name) names.add(name);
    }
  }
  for (const [, name] of source.matchAll(/^export (?:declare )?(?:async )?(?:function\*?|class|const|let|var|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)) names.add(name);
  return names;
}

/**
 * Safe parameter names for a signature: each path parameter as an identifier of its own
 * (`link-id` → `linkId`, `default` → `default_`), distinct from each other and from `taken`.
 */
export function argumentNames(pathParameters, taken = []) {
  const used = new Set(taken);
  return pathParameters.map((name) => {
    let arg = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, next) => (next ? next.toUpperCase() : ''));
    if (!arg) arg = 'value';
    if (/^[0-9]/.test(arg)) arg = `_${arg}`;
    while (RESERVED_WORDS.has(arg) || used.has(arg)) arg = `${arg}_`;
    used.add(arg);
    return arg;
  });
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Every problem with the names of a bundled spec, as `{ at, name, message }`: `at` says where
 * (`{ operation: path, method }`, `{ schema }`, or `{ parameter, operation }`), `name` is the
 * offending name. `fixedNames` are the top-level names generated code declares or imports
 * itself; `exports` the names the package's entry exports by name.
 */
export function checkNames(spec, { fixedNames = [], exports = new Set(), globals = globalNames() } = {}) {
  const problems = [];
  const report = (at, name, message) => problems.push({ at, name, message });
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) if (item?.[method]) operations.push({ path, method, item, op: item[method] });
  }
  const operationIds = new Set(operations.map(({ op }) => op.operationId));

  // Top-level names of the generated files, with what gave each one.
  const topLevel = new Map(fixedNames.map((name) => [name, 'a name the generated code uses itself']));
  const declare = (at, specName, name, what) => {
    const clash = topLevel.get(name) ?? (globals.has(name) ? 'a name of the JavaScript standard library' : exports.has(name) ? 'a name src/index.ts exports itself' : undefined);
    if (clash) report(at, specName, `${what} would be declared as ${name} in src/generated/, which is already ${clash}: choose another name`);
    else topLevel.set(name, what);
  };
  const keyOf = (at, name, what) => {
    if (OBJECT_MEMBERS.includes(name)) report(at, name, `${what} ${name} is a member of every JavaScript object (Object.prototype): choose another name`);
  };

  for (const [name] of Object.entries(spec.components?.schemas ?? {})) {
    const at = { schema: name };
    keyOf(at, name, 'schema');
    if (!OBJECT_MEMBERS.includes(name)) declare(at, name, name, `schema ${name}`);
  }

  const resourceWords = new Map(); // CLI word → resource
  const commandWords = new Map(); // `resource command` → method name and operation
  const resourceTypes = new Set();
  for (const { path, method, item, op } of operations) {
    const at = { operation: path, method };
    const id = op.operationId;
    if (!isIdentifier(id)) report(at, String(id), `operationId ${JSON.stringify(id)} must be an identifier (letters, digits, _ and $)`);
    else keyOf(at, id, 'operationId');

    const resource = op['x-partnero-resource'];
    const names = [['x-partnero-method', op['x-partnero-method']]];
    if (op['x-partnero-pagination']) names.push(['x-partnero-pagination.method', op['x-partnero-pagination'].method]);
    for (const [field, name] of [['x-partnero-resource', resource], ...names]) {
      if (!isIdentifier(name)) report(at, String(name), `${field} ${JSON.stringify(name)} must be an identifier (letters, digits, _ and $)`);
      else if (NOT_AWAITABLE.includes(name)) {
        const on = field === 'x-partnero-resource' ? 'the client' : `client.${resource}`;
        report(at, name, `${field} ${name} cannot be a property of ${on}: ${name === 'then' ? 'it would make it a thenable (await would call it)' : 'every JavaScript object has it (Object.prototype)'}`);
      }
    }
    if (isIdentifier(resource) && !NOT_AWAITABLE.includes(resource)) {
      const word = kebab(resource);
      if (CLI_COMMAND_WORDS.includes(word)) {
        report(at, resource, `x-partnero-resource ${resource} would be the CLI resource ${word}, but partnero ${word} is a command of its own${word === 'mcp' ? ' (the MCP server)' : ''}: choose another name`);
      }
      const other = resourceWords.get(word);
      if (other !== undefined && other !== resource) report(at, resource, `x-partnero-resource ${resource} and ${other} are both the CLI resource ${word}: choose names that differ in more than case`);
      else resourceWords.set(word, resource);
      if (!resourceTypes.has(resource)) {
        resourceTypes.add(resource);
        declare(at, resource, pascal(resource), `the interface of x-partnero-resource ${resource}`);
      }
      for (const [field, name] of names) {
        if (!isIdentifier(name) || NOT_AWAITABLE.includes(name)) continue;
        const command = `${word} ${kebab(name)}`;
        const previous = commandWords.get(command);
        if (previous && previous.name !== name) {
          report(at, name, `${field} ${name} and ${previous.name} (${previous.id}) are both the CLI command ${command}: choose names that differ in more than case`);
        } else if (!previous) commandWords.set(command, { name, id });
      }
    }

    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
      if (!p || typeof p.name !== 'string') continue;
      const where = { parameter: p.name, operation: path, method };
      keyOf(where, p.name, `${p.in} parameter`);
      if (p.in === 'path' && /^[.;]|\*$/.test(p.name)) {
        report(where, p.name, `path parameter {${p.name}}: a name starting with . or ; or ending with * is read as a serialization style by openapi-fetch`);
      }
    }

    if (isIdentifier(resource) && isIdentifier(op['x-partnero-method'])) {
      const command = `${kebab(resource)} ${kebab(op['x-partnero-method'])}`;
      for (const problem of flagProblems(item, op)) {
        report(problem.at ? { ...at, ...problem.at } : at, problem.name, `${problem.what} would be the flag --${problem.flag} of partnero ${command}, ${problem.clash}: rename one of them`);
      }
    }

    // Every x-partnero-* field that names an operation names one of the spec's operationIds.
    const create = op['x-partnero-create'];
    const write = op['x-partnero-write'];
    const references = [
      ['x-partnero-create.lookup.operation', create?.lookup?.operation],
      ['x-partnero-create.owner.operation', create?.owner?.operation],
      ['x-partnero-create.addressedBy', create?.addressedBy],
      ['x-partnero-write.verify.operation', write?.verify?.operation],
    ];
    for (const [field, target] of references) {
      if (target !== undefined && !operationIds.has(target)) report(at, String(target), `${field} ${JSON.stringify(target)} is no operationId of the spec`);
    }
  }
  return problems;
}

/**
 * The flags a command of the CLI would have (src/cli/commands.ts derives them at run time, the
 * same way): a query parameter's name, or a body field's JSON pointer, in kebab case
 * (`partner.id` → `--partner-id`); items of lists, and objects whose fields have flags of their
 * own, have none. Each flag that another already is, or whose `no-` form another is, is a problem.
 */
function flagProblems(item, op) {
  const flags = [];
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) {
    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
      if (p?.in === 'query' && typeof p.name === 'string') flags.push({ flag: kebab(p.name), name: p.name, what: `query parameter ${p.name}` });
    }
  } else {
    const pointers = [];
    const walk = (node, tokens) => {
      if (!node || typeof node !== 'object') return;
      pointers.push(tokens);
      const properties = Object.assign({}, node.properties, ...(node.anyOf ?? []).map((branch) => branch?.properties ?? {}));
      for (const [name, sub] of Object.entries(properties)) if (!pointers.some((other) => other.join('/') === [...tokens, name].join('/'))) walk(sub, [...tokens, name]);
      if (node.items) walk(node.items, [...tokens, '*']);
    };
    walk(schema, []);
    for (const tokens of pointers) {
      if (!tokens.length || tokens.includes('*')) continue;
      if (pointers.some((other) => other.length > tokens.length && tokens.every((token, i) => other[i] === token))) continue;
      const field = tokens.join('.');
      flags.push({ flag: tokens.map(kebab).join('-'), name: tokens.at(-1), what: `body field ${field}`, at: { field } });
    }
  }
  const problems = [];
  // Each flag taken so far, and by what (undefined: the CLI itself).
  const owners = new Map(CLI_FLAGS.map((flag) => [flag, undefined]));
  for (const { flag, name, what, at } of flags) {
    const other = [flag, `no-${flag}`, flag.startsWith('no-') ? flag.slice(3) : undefined].find((word) => word !== undefined && owners.has(word));
    if (other === undefined) {
      owners.set(flag, what);
      continue;
    }
    const owner = owners.get(other);
    const whose = owner === undefined ? `the CLI's own --${other}` : `--${other} of ${owner}`;
    const clash = other === flag ? `which is already ${whose}` : other === `no-${flag}` ? `whose negation --no-${flag} is already ${whose}` : `the negation of ${whose}`;
    problems.push({ flag, name, what, at, clash });
  }
  return problems;
}

/**
 * The names a generated module declares (imports included) more than once. In `flat` code
 * (ajv's standalone output is not indented, so a function's locals also start a line), only
 * the exported names and functions count, each against every declaration of the module.
 */
export function duplicateDeclarations(source, { flat = false } = {}) {
  const declarations = [];
  for (const [, list] of source.matchAll(/^import (?:type )?\{([^}]*)\}/gm)) {
    for (const n of list.split(',')) if (n.trim()) declarations.push({ name: n.trim().split(/\s+as\s+/).at(-1), counts: true });
  }
  for (const [line, name] of source.matchAll(/^(?:export )?(?:declare )?(?:async )?(?:function\*?|class|const|let|var|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)) {
    declarations.push({ name, counts: !flat || line.startsWith('export ') || line.startsWith('function') });
  }
  const counted = new Map();
  for (const { name, counts } of declarations) if (counts) counted.set(name, (counted.get(name) ?? 0) + 1);
  const all = new Map();
  for (const { name } of declarations) all.set(name, (all.get(name) ?? 0) + 1);
  return [...counted].filter(([name, n]) => n > 1 || (flat && all.get(name) > n)).map(([name]) => name);
}

/**
 * Where in the split spec (openapi/) a name was written, as `file:line` relative to `cwd`:
 * the path item's file for an operation, the schema's file for a schema, and for a parameter
 * the path item's file or the component file that defines it.
 */
export function locate(at, name, rootFile, cwd = process.cwd()) {
  const rootDir = dirname(rootFile);
  let root;
  try {
    root = parseYaml(readFileSync(rootFile, 'utf8'));
  } catch {
    root = {};
  }
  const candidates = [];
  const refFile = (ref) => (typeof ref === 'string' && !ref.startsWith('#') ? resolve(rootDir, ref.split('#')[0]) : undefined);
  // A body field is written in a schema's file (or inline in the path item's).
  if (at.field !== undefined) {
    const folder = join(rootDir, 'components', 'schemas');
    if (existsSync(folder)) for (const file of readdirSync(folder)) candidates.push(join(folder, file));
  }
  if (at.operation !== undefined) candidates.push(refFile(root?.paths?.[at.operation]?.$ref));
  if (at.parameter !== undefined) {
    const folder = join(rootDir, 'components', 'parameters');
    if (existsSync(folder)) for (const file of readdirSync(folder)) candidates.push(join(folder, file));
  }
  if (at.schema !== undefined) {
    candidates.push(refFile(root?.components?.schemas?.[at.schema]?.$ref));
    candidates.push(join(rootDir, 'components', 'schemas', `${at.schema}.yaml`));
  }
  candidates.push(rootFile);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[^A-Za-z0-9_$-])${escaped}($|[^A-Za-z0-9_$-])`);
  // A body field: where a schema has it as a property (`  partner_id:`), rather than in prose.
  if (at.field !== undefined) {
    const key = new RegExp(`^\\s+${escaped}:`);
    for (const file of candidates) {
      if (!file || !existsSync(file)) continue;
      const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => key.test(line));
      if (index >= 0) return `${relative(cwd, file)}:${index + 1}`;
    }
  }
  for (const file of candidates) {
    if (!file || !existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => word.test(line) && !/^\s*#/.test(line));
    if (index >= 0 || file === candidates.at(-1)) return `${relative(cwd, file)}${index >= 0 ? `:${index + 1}` : ''}`;
  }
  return relative(cwd, rootFile);
}
