#!/usr/bin/env node
// Compiles the OpenAPI description in openapi/ into src/generated/:
//   schema.ts      TypeScript types of every path, operation and component (openapi-typescript);
//   spec.ts        the operation table: for every operation its method, path, parameter rules,
//                  request body, success statuses, and what the spec's x-partnero-* extensions
//                  say (resource and method name, pagination, safe create, query parameters
//                  of which a call gives exactly one). One runner in src/ turns each row into
//                  a client method; the CLI and the tests read it too. The generator also
//                  checks x-partnero-example-status (the success status the examples use);
//   resources.ts   the types of those methods, resource by resource, and a type per schema;
//   validators.ts  standalone ajv validators of every component schema that a 2xx answer or a
//                  request body uses, plus the words that describe each body field's rule:
//                  loaded lazily, no ajv and no eval at run time.
// openapi-typescript lints the spec with redocly.yaml first and stops on any error-level problem.
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { GENERATED_NAMES, argumentNames, checkNames, duplicateDeclarations, exportedNames, locate } from './lib/spec-names.mjs';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const root = new URL('../', import.meta.url);
const specUrl = new URL('openapi/openapi.yaml', root);
const outDir = new URL('src/generated/', root);

const HEADER = `// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run \`npm run generate\`.
`;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SCHEMA_REF = /^#\/components\/schemas\/([A-Za-z0-9_]+)$/;

const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
await lintSpec();
// Two bundles: one with $refs kept (each component schema becomes one validator function, so a
// change to a schema changes that function only), one dereferenced (rules read in place).
const spec = (await bundle({ ref: fileURLToPath(specUrl), config })).bundle.parsed;
const flat = (await bundle({ ref: fileURLToPath(specUrl), config, dereference: true })).bundle.parsed;
checkSpecNames();
const types = await typesOf();

/**
 * Lints the spec with redocly.yaml as openapi-typescript would, but says each problem in one
 * line with its file and line, as `npm run lint:spec` reports it, and stops with exit 1 on an
 * error (never openapi-typescript's stack trace).
 */
async function lintSpec() {
  const problems = (await lint({ ref: fileURLToPath(specUrl), config })).filter((problem) => !problem.ignored);
  const errors = problems.filter((problem) => problem.severity === 'error');
  for (const problem of problems) {
    const location = problem.location?.[0];
    let where = 'openapi/openapi.yaml';
    if (location?.source) {
      const { line, col } = getLineColLocation(location).start ?? {};
      where = `${relative(process.cwd(), location.source.absoluteRef)}${line ? `:${line}:${col}` : ''}`;
    }
    console.error(`generate: ${where}: ${problem.severity} ${problem.ruleId}: ${problem.message}`);
  }
  if (errors.length) {
    console.error(`generate: the spec fails lint (${errors.length} error${errors.length === 1 ? '' : 's'}), nothing generated`);
    process.exit(1);
  }
}

/**
 * Refuses, one line each (file, line, the name and why), every name of the spec that cannot
 * become working, compiling, collision-free code (the rules are in scripts/lib/spec-names.mjs).
 */
function checkSpecNames() {
  const index = readFileSync(new URL('src/index.ts', root), 'utf8');
  // The dereferenced bundle: a parameter's name is behind its $ref in the other.
  const problems = checkNames(flat, { fixedNames: GENERATED_NAMES, exports: exportedNames(index) });
  for (const { at, name, message } of problems) console.error(`generate: ${locate(at, name, fileURLToPath(specUrl))}: ${message}`);
  if (problems.length) process.exit(1);
}

/** The TypeScript types of the spec (openapi-typescript); any failure of it in one line. */
async function typesOf() {
  try {
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    return astToString(await openapiTS(specUrl, { redocly: config }));
  } catch (error) {
    fail('openapi-typescript', String(error?.message ?? error).split('\n')[0]);
  }
}

/** Stops generation with a message that names the operation and what the spec must say. */
function fail(where, message) {
  console.error(`generate: ${where}: ${message}`);
  process.exit(1);
}

function stripUndefined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** A JSON pointer (`/partner/id`) as its list of tokens. */
function tokens(pointer, where) {
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) fail(where, `${JSON.stringify(pointer)} must be a JSON pointer such as /data`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function* eachOperation(document) {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) if (item[method]) yield { path, method, item, op: item[method] };
  }
}

/** The parameter rules a client checks before sending, from the parameter's schema. */
function parameterRule(p) {
  const { type, minimum, maximum, minLength, maxLength, default: dflt, not } = p.schema ?? {};
  return stripUndefined({
    in: p.in,
    required: p.required === true,
    type,
    minimum,
    maximum,
    minLength,
    maxLength,
    default: dflt,
    exclude: Array.isArray(not?.enum) ? not.enum : undefined,
  });
}

/** The name of the validator of a schema: its component name, or `<operationId><suffix>` when inline. */
function schemaName(schema, fallback) {
  const match = SCHEMA_REF.exec(schema?.$ref ?? '');
  return match ? match[1] : fallback;
}

const inlineSchemas = {};
const table = {};
/** Each operation's summary, apart from the table: the CLI's help reads it, the client never does (so it stays out of the main chunk). */
const summaries = {};
const methodNames = new Map();
const flatOps = new Map([...eachOperation(flat)].map((o) => [o.op.operationId, o]));
for (const { path, method, item, op } of eachOperation(spec)) {
  const id = op.operationId;
  const { item: flatItem, op: flatOp } = flatOps.get(id);
  const resource = op['x-partnero-resource'];
  const name = op['x-partnero-method'];
  if (resource === 'raw') fail(id, 'x-partnero-resource cannot be raw: client.raw is the openapi-fetch client');
  const key = `${resource}.${name}`;
  if (methodNames.has(key)) fail(id, `x-partnero-method ${name} is already used by ${methodNames.get(key)} on ${resource}`);
  methodNames.set(key, id);

  const parameters = {};
  for (const p of [...(flatItem.parameters ?? []), ...(flatOp.parameters ?? [])]) parameters[p.name] = parameterRule(p);
  const pathParameters = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  for (const p of pathParameters) if (parameters[p]?.in !== 'path') fail(id, `path parameter {${p}} is not described`);

  let body;
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  if (op.requestBody && !bodySchema) fail(id, 'a request body must be application/json with a schema');
  if (bodySchema) {
    const validator = schemaName(bodySchema, `${id}Body`);
    if (!bodySchema.$ref) inlineSchemas[validator] = bodySchema;
    body = { required: op.requestBody.required === true, validator };
  }

  const success = {};
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      if (response.content && Object.keys(response.content).length) fail(id, `${status} answers something other than JSON`);
      success[status] = null;
      continue;
    }
    const validator = schemaName(schema, `${id}${status}`);
    if (!schema.$ref) inlineSchemas[validator] = schema;
    success[status] = validator;
  }
  if (!Object.keys(success).length) fail(id, 'no 2xx response is described');
  // Where two success statuses are allowed, the one the examples and the sandbox use is named,
  // and listed first (tools that take the first 2xx as the expected one agree with it).
  const exampleStatus = op['x-partnero-example-status'];
  const successStatuses = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
  if (successStatuses.length > 1 && exampleStatus === undefined) {
    fail(id, `answers ${successStatuses.join(' and ')}: x-partnero-example-status must name the one its examples use`);
  }
  if (exampleStatus !== undefined && exampleStatus !== successStatuses[0]) {
    fail(id, `x-partnero-example-status ${JSON.stringify(exampleStatus)} must be the first 2xx response listed (${successStatuses[0]})`);
  }

  // Query parameters of which a call gives exactly one (a search's id or key).
  const exactlyOne = op['x-partnero-exactly-one'];
  if (exactlyOne !== undefined) {
    if (!Array.isArray(exactlyOne) || exactlyOne.length < 2 || new Set(exactlyOne).size !== exactlyOne.length) {
      fail(id, 'x-partnero-exactly-one must list two or more different parameter names');
    }
    for (const name of exactlyOne) {
      if (parameters[name]?.in !== 'query') fail(id, `x-partnero-exactly-one names ${JSON.stringify(name)}, not a query parameter of this operation`);
      if (parameters[name].required) fail(id, `x-partnero-exactly-one names ${name}, which is required: a parameter of the choice must be optional`);
    }
  }

  const pagination = op['x-partnero-pagination'];
  if (pagination) {
    for (const field of ['method', 'page', 'limit', 'items', 'next', 'currentPage', 'perPage']) {
      if (pagination[field] === undefined) fail(id, `x-partnero-pagination needs ${field}`);
    }
    for (const field of ['page', 'limit']) {
      if (parameters[pagination[field]]?.in !== 'query') fail(id, `x-partnero-pagination.${field} names no query parameter`);
    }
    if (methodNames.has(`${resource}.${pagination.method}`)) fail(id, `x-partnero-pagination.method ${pagination.method} is already used`);
    methodNames.set(`${resource}.${pagination.method}`, id);
  }

  const create = op['x-partnero-create'];
  if (create && (!create.match || !create.lookup?.operation || !create.lookup?.items || !create.owner?.operation || !create.result)) {
    fail(id, 'x-partnero-create needs match, lookup.operation, lookup.items, owner.operation, owner.id and result');
  }
  if (create && create.ignoreCase !== undefined && typeof create.ignoreCase !== 'boolean') fail(id, 'x-partnero-create.ignoreCase must be true or false');
  if (create && create.addressedBy !== undefined && typeof create.addressedBy !== 'string') fail(id, 'x-partnero-create.addressedBy must name an operation');
  const write = op['x-partnero-write'];
  // Every write says how the client finds out what happened after a failure that may have acted.
  if (method !== 'get' && !create && write === undefined) fail(id, `a ${method.toUpperCase()} needs x-partnero-create or x-partnero-write`);
  if (write !== undefined) {
    if (method === 'get' || create) fail(id, 'x-partnero-write belongs on an update or a delete (a create has x-partnero-create)');
    const { verify, notFound, ...rest } = write ?? {};
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) fail(id, `x-partnero-write has no field ${unknown} (it takes notFound: done, or verify)`);
    if ((notFound === undefined) === (verify === undefined)) fail(id, 'x-partnero-write needs exactly one of notFound: done and verify');
    if (notFound !== undefined && notFound !== 'done') fail(id, 'x-partnero-write.notFound can only be done');
    if (verify && (typeof verify.operation !== 'string' || !verify.id || !verify.item || typeof verify.match !== 'string')) {
      fail(id, 'x-partnero-write.verify needs operation, id, item and match');
    }
    if (verify && verify.ignoreCase !== undefined && typeof verify.ignoreCase !== 'boolean') fail(id, 'x-partnero-write.verify.ignoreCase must be true or false');
  }

  summaries[id] = op.summary;
  table[id] = stripUndefined({
    method: method.toUpperCase(),
    path,
    resource,
    name,
    pathParameters,
    parameters,
    exactlyOne,
    body,
    success,
    pagination: pagination && {
      ...pagination,
      items: tokens(pagination.items, id),
      next: tokens(pagination.next, id),
      currentPage: tokens(pagination.currentPage, id),
      perPage: tokens(pagination.perPage, id),
    },
    create: create && stripUndefined({
      match: create.match,
      lookup: { operation: create.lookup.operation, items: tokens(create.lookup.items, id) },
      owner: { operation: create.owner.operation, id: [].concat(create.owner.id ?? []).map((p) => tokens(p, id)) },
      result: tokens(create.result, id),
      ignoreCase: create.ignoreCase,
      addressedBy: create.addressedBy,
    }),
    write:
      write &&
      (write.verify
        ? {
            verify: stripUndefined({
              operation: write.verify.operation,
              id: tokens(write.verify.id, id),
              item: tokens(write.verify.item, id),
              match: write.verify.match,
              ignoreCase: write.verify.ignoreCase,
            }),
          }
        : { notFound: write.notFound }),
  });
}
// Cross-references are checked once every operation is known.
for (const [id, row] of Object.entries(table)) {
  if (!row.create) continue;
  const { lookup, owner, match } = row.create;
  const own = (name) => (Object.hasOwn(table, name) ? table[name] : undefined);
  if (!Object.hasOwn(own(lookup.operation)?.parameters ?? {}, match) || own(lookup.operation).parameters[match].in !== 'query') {
    fail(id, `x-partnero-create.lookup.operation ${lookup.operation} takes no query parameter ${match}`);
  }
  if (!own(owner.operation)?.pagination) fail(id, `x-partnero-create.owner.operation ${owner.operation} is not a paginated list`);
}
/** Whether operation `target` exists and takes exactly one path parameter (the id a write's key becomes). */
const addressable = (target) => Object.hasOwn(table, target) && table[target].pathParameters.length === 1;
for (const [id, row] of Object.entries(table)) {
  if (row.create?.addressedBy !== undefined && !addressable(row.create.addressedBy)) {
    fail(id, `x-partnero-create.addressedBy ${row.create.addressedBy} is not an operation with one path parameter`);
  }
  const verify = row.write?.verify;
  if (verify && (!addressable(verify.operation) || table[verify.operation].method !== 'GET')) {
    fail(id, `x-partnero-write.verify.operation ${verify.operation} is not a read with one path parameter`);
  }
}

// ---- validators.ts -------------------------------------------------------------------------

/** ajv-formats' `uri` expressions as source text, checked to judge like ajv-formats itself. */
function ajvFormatsUriSource() {
  const file = createRequire(import.meta.url).resolve('ajv-formats/dist/formats.js');
  const text = readFileSync(file, 'utf8');
  const lines = ['NOT_URI_FRAGMENT', 'URI'].map((name) => {
    const line = new RegExp(`^const ${name} = /.+/[a-z]*;$`, 'm').exec(text)?.[0];
    if (!line) throw new Error(`ajv-formats changed: no \`const ${name}\` in ${file}`);
    return line;
  });
  const source = lines.join('\n');
  const uri = new Function(`${source}; return (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s);`)();
  for (const sample of ['https://partnero.com?aff=ref_123', 'http://a,b.example/x', 'ref_123', '', 'https://[::1]:8/']) {
    if (uri(sample) !== fullFormats.uri(sample)) throw new Error(`uri format differs from ajv-formats on ${sample}`);
  }
  return source;
}

/**
 * A schema for ajv: without `description`, `examples`, `title` and `x-*` extensions (such as
 * x-partnero-inferred; never read by validation, and unknown keywords to ajv's strict mode),
 * refs by component name.
 */
function forAjv(schema) {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' || key === 'examples' || key === 'title' || key.startsWith('x-')) continue;
    if (key === '$ref') out.$ref = SCHEMA_REF.exec(value)?.[1] ?? fail('validators', `unsupported $ref ${value}`);
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forAjv(v)]));
    else out[key] = forAjv(value);
  }
  return out;
}

const uriSource = ajvFormatsUriSource();
const formats = { uri: new Function(`${uriSource}; return (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s);`)() };
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  inlineRefs: false,
  allowUnionTypes: true, // domain_id is an integer, a string or null
  code: { source: true, esm: true, lines: true, formats: _`formats` },
  formats,
});
const components = spec.components?.schemas ?? {};
for (const [name, schema] of Object.entries(components)) ajv.addSchema(forAjv(schema), name);
for (const [name, schema] of Object.entries(inlineSchemas)) ajv.addSchema(forAjv(schema), name);
const used = new Set(Object.values(table).flatMap((row) => [row.body?.validator, ...Object.values(row.success)]).filter(Boolean));
const exported = [...used].sort();
const rawValidatorCode = standaloneCode(ajv, Object.fromEntries(exported.map((name) => [name, name])));
// Standalone code `require()`s ajv's small runtime helpers; ESM has no require, and the client
// must not depend on ajv at run time, so each helper is written out here instead.
const ajvRuntime = {
  'ajv/dist/runtime/ucs2length': '((s) => [...s].length)', // string length in code points
};
const validatorCode = rawValidatorCode.replace(/require\("([^"]+)"\)\.default/g, (call, module) => {
  if (!(module in ajvRuntime)) throw new Error(`ajv standalone code needs ${module}: add it to ajvRuntime`);
  return ajvRuntime[module];
});
if (/\brequire\(/.test(validatorCode)) throw new Error('ajv standalone code still calls require()');
/**
 * ajv numbers the variables of each validator function in order (`err7`, `data3`), so a field
 * added to a schema renumbers every line after it. Two rewrites keep a change local: an error
 * is pushed where it is built (no `errN`), and a property's value is named by its path
 * (`data_url` for `data.url`) instead of by its rank. Both keep ajv's logic as it is.
 */
function stableNames(code) {
  const pushed = code.replace(
    /^const (err\d+) = (\{[^]*?\});\nif\(vErrors === null\)\{\nvErrors = \[\1\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}$/gm,
    '(vErrors ??= []).push($2);',
  );
  if (/\berr\d+\b/.test(pushed)) throw new Error('ajv standalone code: an error variable was left (its pattern changed)');
  // ajv's output is not indented, so a function is cut off where the next one begins.
  return pushed.split(/^(?=function validate\d+\()/m).map((fn) => {
    const names = new Map();
    const taken = new Set();
    // A string naming a field like `data2` (`"/data2"`) would be renamed too: leave such a function as it is.
    if ((fn.match(/"(?:[^"\\]|\\.)*"/g) ?? []).some((literal) => /\bdata\d+\b/.test(literal))) return fn;
    for (const [, name, parent, property] of fn.matchAll(/\blet (data\d+) = (data\d*)\.([A-Za-z_][A-Za-z0-9_]*);/g)) {
      const wanted = `${names.get(parent) ?? parent}_${property}`;
      if (names.has(name) || taken.has(wanted)) continue; // keep ajv's name rather than guess
      names.set(name, wanted);
      taken.add(wanted);
    }
    return names.size ? fn.replace(/\bdata\d+\b/g, (name) => names.get(name) ?? name) : fn;
  }).join('');
}

const typedValidatorCode = stableNames(validatorCode).replace(/^export const (\w+) = (\w+);$/gm, 'export const $1: Validator = $2;');

/** What a schema allows, in words, for messages such as `key must be a non-empty string`. */
function describe(schema) {
  if (!schema || typeof schema !== 'object') return 'anything';
  const kinds = [].concat(schema.type ?? []);
  if (schema.anyOf?.every((branch) => Array.isArray(branch.required))) {
    const names = [...new Set(schema.anyOf.flatMap((branch) => branch.required))];
    return `an object with at least one of ${names.join(', ')}`;
  }
  if (schema.anyOf) return joinWords(schema.anyOf.map(describe));
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const words = kinds.map((kind) => {
    switch (kind) {
      case 'string': {
        const { minLength: min, maxLength: max, pattern } = schema;
        let words = 'a string';
        if (min === 1 && max === undefined) words = 'a non-empty string';
        else if (min !== undefined || max !== undefined) words = `a string of ${min ?? 0} to ${max ?? 'any number of'} characters`;
        // A pattern in the spec's own words (x-partnero-pattern), else as the pattern itself.
        if (pattern !== undefined) words += `: ${schema['x-partnero-pattern'] ?? `matching /${pattern}/`}`;
        return words;
      }
      case 'integer':
      case 'number': {
        const noun = kind === 'integer' ? 'an integer' : 'a number';
        const { minimum: min, maximum: max } = schema;
        if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
        if (min !== undefined) return `${noun} of at least ${min}`;
        if (max !== undefined) return `${noun} of at most ${max}`;
        return noun;
      }
      case 'boolean':
        return 'true or false';
      case 'null':
        return 'null';
      case 'array':
        return 'a list';
      case 'object':
        return 'an object';
      default:
        return kind;
    }
  });
  return joinWords(words);
}

/** `a`, `a or b`, `a, b or c`; 'given' for nothing. */
function joinWords(words) {
  if (!words.length) return 'given';
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** Every field of a request body by JSON pointer (`/partner/id`), with its rule in words. */
function fieldRules(schema, pointer = '', out = {}) {
  out[pointer] = describe(schema);
  const properties = Object.assign({}, schema.properties, ...(schema.anyOf ?? []).map((b) => b.properties ?? {}));
  for (const [name, sub] of Object.entries(properties)) {
    if (!(`${pointer}/${name}` in out)) fieldRules(sub, `${pointer}/${name}`, out);
  }
  if (schema.items) fieldRules(schema.items, `${pointer}/*`, out);
  return out;
}

const bodyRules = {};
for (const [id, row] of Object.entries(table)) {
  if (!row.body) continue;
  bodyRules[row.body.validator] ??= fieldRules(flatOps.get(id).op.requestBody.content['application/json'].schema);
}

const validators = `${HEADER}// @ts-nocheck: ajv's standalone output is plain JavaScript.
/* eslint-disable */

/** One way the data differs from the schema, as ajv reports it. */
export interface ValidationErrorObject {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** True when the data matches the schema; otherwise \`errors\` says where and why. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationErrorObject[] | null;
}

/** For each request body validator, what each field allows, in words, by JSON pointer (\`*\` for any array index). */
export const bodyRules: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(bodyRules, null, 2)};

${uriSource}
const formats = { uri: (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s) };
${typedValidatorCode}
`;

// ---- spec.ts -------------------------------------------------------------------------------

const values = `${HEADER}
/** The default server of the API, from the spec's \`servers\`. */
export const defaultBaseUrl = ${JSON.stringify(spec.servers?.[0]?.url)} as const;

/**
 * Every operation of the spec, by operationId: method, path, parameter rules, request body and
 * success statuses (each with the name of its validator, or null for no body), and the
 * x-partnero-* extensions (client resource and method name, pagination, safe create and write).
 */
export const operations = ${JSON.stringify(table, null, 2)} as const;

/** Each operation's summary, by operationId (for help texts; the client does not load it). */
export const summaries: Readonly<Record<string, string | undefined>> = ${JSON.stringify(summaries, null, 2)};
`;

// ---- resources.ts --------------------------------------------------------------------------

const jsdoc = (text, indent) =>
  `${indent}/**\n${text.trim().split('\n').map((line) => `${indent} *${line ? ` ${line.replace(/\*\//g, '*\\/')}` : ''}`).join('\n')}\n${indent} */\n`;
const pascal = (name) => name[0].toUpperCase() + name.slice(1);
const byResource = new Map();
for (const [id, row] of Object.entries(table)) {
  if (!byResource.has(row.resource)) byResource.set(row.resource, []);
  byResource.get(row.resource).push(id);
}
const interfaces = [...byResource].map(([resource, ids]) => {
  const members = ids.flatMap((id) => {
    const row = table[id];
    const { op } = flatOps.get(id);
    const queryNames = Object.entries(row.parameters).filter(([, r]) => r.in === 'query');
    // Path values are taken by position: each gets an identifier of its own ({link-id} → linkId).
    const pathArgs = argumentNames(row.pathParameters, ['body', 'query', 'options']).map((arg) => `${arg}: string`);
    const queryRequired = queryNames.some(([, r]) => r.required);
    const input = row.body
      ? [`body${row.body.required ? '' : '?'}: BodyOf<'${id}'>`]
      : queryNames.length
        ? [`query${queryRequired ? '' : '?'}: QueryOf<'${id}'>`]
        : [];
    const doc = `${op.summary}.\n\n${op.description ?? ''}\n\`${row.method} ${row.path}\` (${id})`;
    // Writes take what a write reports (onOutcome); creates also what to do with a key that is there (ifExists).
    const options = row.create ? 'CreateOptions' : row.method === 'GET' ? 'RequestOptions' : 'WriteOptions';
    const out = [`${jsdoc(doc, '  ')}  ${row.name}(${[...pathArgs, ...input, `options?: ${options}`].join(', ')}): Promise<ResultOf<'${id}'>>;`];
    if (row.pagination) {
      const { method, page, items } = row.pagination;
      const walkQuery = queryNames.some(([n]) => n !== page) ? [`query?: Omit<QueryOf<'${id}'>, '${page}'>`] : [];
      const item = `ResultOf<'${id}'>${items.map((t) => `[${JSON.stringify(t)}]`).join('')}[number]`;
      out.push(
        `${jsdoc(`Every item of \`${row.name}\`, page after page: \`for await (const item of ...)\`, or \`.pages()\`.\n\`${row.method} ${row.path}\` (${id})`, '  ')}  ${method}(${[...pathArgs, ...walkQuery, 'options?: ListAllOptions'].join(', ')}): Paginator<${item}, ResultOf<'${id}'>>;`,
      );
    }
    return out;
  });
  return `/** \`client.${resource}\`. */\nexport interface ${pascal(resource)} {\n${members.join('\n')}\n}`;
});
const schemaAliases = Object.keys(components).map((name) => {
  const description = components[name].description?.trim().split('\n\n')[0] ?? name;
  return `${jsdoc(description, '')}export type ${name} = components['schemas']['${name}'];`;
});
const resources = `${HEADER}
import type { components } from './schema.js';
import type { BodyOf, CreateOptions, ListAllOptions, QueryOf, RequestOptions, ResultOf, WriteOptions } from '../operation-types.js';
import type { Paginator } from '../pagination.js';

${interfaces.join('\n\n')}

/** Every resource of the client, by property name. */
export interface Resources {
${[...byResource.keys()].map((r) => `  readonly ${r}: ${pascal(r)};`).join('\n')}
}

${schemaAliases.join('\n')}
`;

for (const [file, text, flat] of [['resources.ts', resources, false], ['validators.ts', validators, true]]) {
  const twice = duplicateDeclarations(text, { flat });
  if (twice.length) fail(`src/generated/${file}`, `${twice.join(', ')} would be declared twice: rename the spec's schema or resource of that name`);
}
await mkdir(outDir, { recursive: true });
await writeFile(new URL('schema.ts', outDir), `${HEADER}\n${types}`);
await writeFile(new URL('spec.ts', outDir), values);
await writeFile(new URL('resources.ts', outDir), resources);
await writeFile(new URL('validators.ts', outDir), validators);
console.log(`generated ${fileURLToPath(outDir)}{schema.ts,spec.ts,resources.ts,validators.ts}`);
