// JSON Schemas for MCP tools, taken from the bundled spec (dist/openapi.json): every `$ref`
// inlined (a tool's schema must stand alone), the spec's own annotations (`x-partnero-*`,
// OpenAPI-only keywords) left out. OpenAPI 3.1 schemas are JSON Schema already.
import { isObject } from '../internal/json.js';

/** A JSON Schema, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

/** The bundled OpenAPI document, read loosely. */
export type OpenApiDocument = Record<string, unknown>;

/** Keywords that mean something to OpenAPI only, not to a JSON Schema validator. */
const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example']);

/** The node `ref` (`#/components/schemas/ReferralLink`) points to in `document`. */
function target(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`the bundled spec has an external $ref ${JSON.stringify(ref)}: bundle it first`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
    if (node === undefined) throw new Error(`the bundled spec's $ref ${JSON.stringify(ref)} points nowhere`);
  }
  return node;
}

/**
 * `node` with every `$ref` replaced by what it points to (siblings of a `$ref`, such as its own
 * description, win), and without `x-*` and OpenAPI-only keywords. A schema that refers to
 * itself cannot be inlined and is refused by name.
 */
export function resolved(document: OpenApiDocument, node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolved(document, item, seen));
  if (!isObject(node)) return node;
  let base: Record<string, unknown> = {};
  const { $ref, ...rest } = node;
  if (typeof $ref === 'string') {
    if (seen.includes($ref)) throw new Error(`the spec's schema ${$ref} refers to itself; an MCP tool schema cannot hold it`);
    base = resolved(document, target(document, $ref), [...seen, $ref]) as Record<string, unknown>;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(rest)) {
    if (key.startsWith('x-') || OPENAPI_ONLY.has(key)) continue;
    // `properties`, `patternProperties`, `$defs` and `dependentRequired` are maps of names:
    // their keys are not keywords, so `x-`-looking property names are kept.
    out[key] = MAPS.has(key) && isObject(value)
      ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name, resolved(document, item, seen)]))
      : resolved(document, value, seen);
  }
  return out;
}

const MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependentRequired']);

/** The schema at `tokens` (JSON pointer tokens into an instance) of `schema`: through `properties`, and `items` for an index. */
export function schemaAt(schema: unknown, tokens: readonly string[]): JsonSchema | undefined {
  let node = schema;
  for (const token of tokens) {
    if (!isObject(node)) return undefined;
    const properties = node['properties'];
    if (isObject(properties) && properties[token] !== undefined) node = properties[token];
    else if (/^\d+$/.test(token) && node['items'] !== undefined) node = node['items'];
    else return undefined;
  }
  return isObject(node) ? node : undefined;
}
