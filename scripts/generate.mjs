#!/usr/bin/env node
// Compiles the OpenAPI description in openapi/ into src/generated/:
//   schema.ts      TypeScript types (openapi-typescript), used to type the openapi-fetch client;
//   spec.ts        values the spec states (server URL, paths, parameter bounds and defaults),
//                  so that hand-written code never copies them by hand.
// openapi-typescript lints the spec with redocly.yaml first and stops on any error-level problem.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundle, loadConfig } from '@redocly/openapi-core';

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

function stripUndefined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

const values = `${HEADER}
/** The default server of the API, from the spec's \`servers\`. */
export const defaultBaseUrl = ${JSON.stringify(spec.servers?.[0]?.url)} as const;

/** Every operation's method, path and parameter rules, from the spec. */
export const operations = ${JSON.stringify(operations(), null, 2)} as const;
`;

await mkdir(outDir, { recursive: true });
await writeFile(new URL('schema.ts', outDir), `${HEADER}\n${types}`);
await writeFile(new URL('spec.ts', outDir), values);
console.log(`generated ${fileURLToPath(outDir)}{schema.ts,spec.ts}`);
