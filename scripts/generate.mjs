#!/usr/bin/env node
// Compiles the OpenAPI description in openapi/ into src/generated/:
//   schema.ts      TypeScript types (openapi-typescript), used to type the openapi-fetch client;
//   spec.ts        values the spec states (server URL, paths, parameter bounds and defaults),
//                  so that hand-written code never copies them by hand;
//   validators.ts  standalone ajv validators of every operation's 200 JSON body, for the
//                  client's opt-in response validation: no ajv and no eval at run time.
// openapi-typescript lints the spec with redocly.yaml first and stops on any error-level problem.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundle, loadConfig } from '@redocly/openapi-core';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
const specUrl = new URL('openapi/openapi.yaml', root);
const outDir = new URL('src/generated/', root);

const HEADER = `// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run \`npm run generate\`.
`;

const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });

const types = astToString(await openapiTS(specUrl, { redocly: config }));

const { bundle: bundled } = await bundle({ ref: fileURLToPath(specUrl), config, dereference: true });
const spec = bundled.parsed;

/** The parameters of every operation, keyed by operationId, with the schema keywords a client checks. */
function operations() {
  const out = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      const parameters = {};
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const { type, minimum, maximum, minLength, maxLength, default: dflt } = p.schema ?? {};
        parameters[p.name] = stripUndefined({
          in: p.in,
          required: p.required === true,
          type,
          minimum,
          maximum,
          minLength,
          maxLength,
          default: dflt,
        });
      }
      out[op.operationId] = { method: method.toUpperCase(), path, parameters };
    }
  }
  return out;
}

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

/** A copy of a schema without `description` and `examples`, which validation never reads. */
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'description' && key !== 'examples')
      .map(([key, value]) => [key, key === 'properties' ? mapValues(value, withoutAnnotations) : withoutAnnotations(value)]),
  );
}

function mapValues(obj, fn) {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

function stripUndefined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

const values = `${HEADER}
/** The default server of the API, from the spec's \`servers\`. */
export const defaultBaseUrl = ${JSON.stringify(spec.servers?.[0]?.url)} as const;

/** Every operation's method, path and parameter rules, from the spec. */
export const operations = ${JSON.stringify(operations(), null, 2)} as const;
`;

// The standalone code would otherwise `require()` ajv-formats (wrong in ESM, and a runtime
// dependency). Instead the one format the spec uses, `uri`, is written into the same file,
// with ajv-formats' own RFC 3986 expressions, so the client judges URIs exactly as Prism does.
const uriSource = ajvFormatsUriSource();
const formats = { uri: new Function(`${uriSource}; return (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s);`)() };
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  code: { source: true, esm: true, lines: true, formats: _`formats` },
  formats,
});
const responseSchemas = {};
for (const item of Object.values(spec.paths ?? {})) {
  for (const op of Object.values(item)) {
    const schema = op?.responses?.['200']?.content?.['application/json']?.schema;
    if (op?.operationId && schema) responseSchemas[op.operationId] = schema;
  }
}
for (const [id, schema] of Object.entries(responseSchemas)) ajv.addSchema(withoutAnnotations(schema), id);
const rawValidatorCode = standaloneCode(
  ajv,
  Object.fromEntries(Object.keys(responseSchemas).map((id) => [id, id])),
);
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
const typedValidatorCode = validatorCode.replace(/^export const (\w+) = (\w+);$/gm, 'export const $1: Validator = $2;');
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

${uriSource}
const formats = { uri: (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s) };
${typedValidatorCode}
`;

await mkdir(outDir, { recursive: true });
await writeFile(new URL('schema.ts', outDir), `${HEADER}\n${types}`);
await writeFile(new URL('spec.ts', outDir), values);
await writeFile(new URL('validators.ts', outDir), validators);
console.log(`generated ${fileURLToPath(outDir)}{schema.ts,spec.ts,validators.ts}`);
