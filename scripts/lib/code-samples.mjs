// Example requests for the API docs, generated from the bundled spec: for each operation a curl
// line and the same call through this package's client, added as Redoc's `x-codeSamples`.
// Values come from the spec's own examples (path parameters, required query parameters, the
// request body); the client method from `x-partnero-resource` / `x-partnero-method`, walking
// methods from `x-partnero-pagination`. Nothing here is written per operation.

import { exampleCases, resolveRef as resolve } from './spec-examples.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The package name the TypeScript samples import. */
export const packageName = 'partnero-client';

/** Labels of the samples, as the reference shows them (tests find samples by these). */
export const sampleLabels = { curl: 'curl', typescript: 'TypeScript', cli: 'CLI' };

/**
 * Every operation of a bundled spec (no `$ref` into other files) with what the samples need.
 * @returns {{ path: string, method: string, operation: any, parameters: any[] }[]}
 */
export function operationsOf(spec) {
  const result = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p));
      result.push({ path, method, operation, parameters });
    }
  }
  return result;
}

/**
 * Adds `x-codeSamples` to every operation: curl, then the TypeScript client and the `partnero`
 * CLI when the operation names its client method.
 */
export function addCodeSamples(spec) {
  for (const op of operationsOf(spec)) {
    const samples = [{ lang: 'Shell', label: sampleLabels.curl, source: curlSample(spec, op) }];
    const ts = typescriptSample(spec, op);
    if (ts) samples.push({ lang: 'TypeScript', label: sampleLabels.typescript, source: ts });
    const cli = cliSample(spec, op);
    if (cli) samples.push({ lang: 'Shell', label: sampleLabels.cli, source: cli });
    op.operation['x-codeSamples'] = samples;
  }
  return spec;
}

/**
 * The same call through the `partnero` CLI (`partnero <resource> <method>`, names in kebab
 * case, path parameters as arguments, query parameters as flags, the body as `--json`);
 * undefined without `x-partnero-*`. The key comes from $PARTNERO_API_KEY, as for curl.
 */
export function cliSample(spec, op) {
  const resource = op.operation['x-partnero-resource'];
  const method = op.operation['x-partnero-method'];
  if (!resource || !method) return undefined;
  const request = sampleRequest(spec, op);
  const words = ['partnero', kebab(resource), kebab(method), ...request.pathParams.map((p) => shellQuote(String(p.value)))];
  for (const [name, value] of Object.entries(request.query)) words.push(`--${kebab(name)}`, shellQuote(String(value)));
  if (request.body !== undefined) words.push('--json', shellQuote(JSON.stringify(request.body)));
  return `${words.join(' ')}\n`;
}

function kebab(name) {
  return name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The request an operation's samples make: path with values, query, JSON body. That of the
 * operation's first example case (the parameters' and the body's examples of one name, see
 * spec-examples.mjs) where it has one, so that a sample sends what one example shows (one of a
 * search's id and key, never both); otherwise built from each part's own example.
 */
export function sampleRequest(spec, op) {
  const { path, method, operation } = op;
  const [first] = exampleCases({ ...spec, paths: { [path]: { [method]: operation } } })[0]?.cases ?? [];
  if (first) {
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, value: first.path[name] }));
    return requestOf(method, path, pathParams, first.query, first.body);
  }
  return partsRequest(spec, op);
}

function requestOf(method, path, pathParams, query, body) {
  let url = path;
  for (const { name, value } of pathParams) url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return { method: method.toUpperCase(), path: search ? `${url}?${search}` : url, pathParams, query, body };
}

function partsRequest(spec, { path, method, operation, parameters }) {
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) throw new Error(`${operation.operationId}: no path parameter named ${name}`);
    return { name, value: exampleOf(parameter, `${operation.operationId}: path parameter ${name}`) };
  });
  // Required query parameters always; optional ones only where the parameter itself gives an example.
  const query = {};
  for (const p of parameters.filter((p) => p.in === 'query')) {
    if (p.required || p.example !== undefined || p.examples) query[p.name] = exampleOf(p, `${operation.operationId}: query parameter ${p.name}`);
  }
  const media = resolve(spec, operation.requestBody)?.content?.['application/json'];
  const body = media ? mediaExample(spec, media, `${operation.operationId}: request body`) : undefined;
  return requestOf(method, path, pathParams, query, body);
}

/** `curl` against the spec's first server, the key from $PARTNERO_API_KEY. */
export function curlSample(spec, op) {
  const request = sampleRequest(spec, op);
  const server = (spec.servers?.[0]?.url ?? 'https://api.partnero.com').replace(/\/$/, '');
  const parts = [`curl${request.method === 'GET' ? '' : ` -X ${request.method}`} ${shellQuote(server + request.path)}`];
  parts.push(`-H "Authorization: Bearer $PARTNERO_API_KEY"`);
  if (request.body !== undefined) {
    parts.push(`-H 'Content-Type: application/json'`);
    parts.push(`-d ${shellQuote(JSON.stringify(request.body))}`);
  }
  return parts.join(' \\\n  ');
}

/** The same call through the client, as a complete ES module; undefined without `x-partnero-*`. */
export function typescriptSample(spec, op) {
  const resource = op.operation['x-partnero-resource'];
  const method = op.operation['x-partnero-method'];
  if (!resource || !method) return undefined;
  const request = sampleRequest(spec, op);
  const input = request.body ?? (Object.keys(request.query).length ? request.query : undefined);
  const args = [...request.pathParams.map((p) => tsLiteral(p.value)), ...(input === undefined ? [] : [tsLiteral(input)])];
  const lines = [
    `import { createPartneroClient } from '${packageName}';`,
    '',
    'const client = createPartneroClient({ apiKey: process.env.PARTNERO_API_KEY! });',
    '',
    `const result = await client.${resource}.${method}(${args.join(', ')});`,
    'console.log(result);',
  ];
  const walk = op.operation['x-partnero-pagination']?.method;
  if (walk) {
    const walkArgs = request.pathParams.map((p) => tsLiteral(p.value));
    lines.push('', '// Every item, page after page:', `for await (const item of client.${resource}.${walk}(${walkArgs.join(', ')})) console.log(item);`);
  }
  return `${lines.join('\n')}\n`;
}

function exampleOf(parameter, where) {
  if (parameter.example !== undefined) return parameter.example;
  const named = parameter.examples && Object.values(parameter.examples)[0];
  if (named && 'value' in named) return named.value;
  const schema = parameter.schema ?? {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  throw new Error(`${where} has no example to build a code sample from`);
}

function mediaExample(spec, media, where) {
  if (media.example !== undefined) return media.example;
  if (media.examples) {
    const first = resolve(spec, media.examples.default ?? Object.values(media.examples)[0]);
    if (first && 'value' in first) return first.value;
  }
  const schema = resolve(spec, media.schema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  throw new Error(`${where} has no example to build a code sample from`);
}

function shellQuote(text) {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A TypeScript literal in the house style: single quotes, unquoted keys where they can be. */
function tsLiteral(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return String(value);
}
