// The MCP tools, made from the generated operation table and the bundled spec alone: one tool
// per operation, and one per page walk. Names come from the table (`partner_links_create`),
// descriptions from the spec's summary and description, the input schema from the operation's
// path and query parameters and its body schema (one object), the output schema from its 2xx
// answers, and the annotations from the HTTP method. Nothing here knows an operation or a field.
import { isObject } from '../internal/json.js';
import { operationTable, type OperationRow } from '../resources.js';
import { summaries } from '../generated/spec.js';
import { resolved, schemaAt, type JsonSchema, type OpenApiDocument } from './schema.js';

/** What a tool may do: read; write (create, update); delete. What a server lists depends on its flags. */
export type ToolKind = 'read' | 'write' | 'delete';

/** The MCP tool annotations (hints for the agent's client; the server enforces the rules itself). */
export interface ToolAnnotations {
  readonly title: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** One tool: what an agent sees (name, title, description, schemas, annotations) and how its arguments map onto the client. */
export interface McpTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: JsonSchema;
  readonly outputSchema: JsonSchema;
  readonly annotations: ToolAnnotations;
  readonly kind: ToolKind;
  readonly operationId: string;
  readonly row: OperationRow;
  /** The client's method: `client[resource][method]`. */
  readonly resource: string;
  readonly method: string;
  /** A page walk (bounded by `max_items`) rather than one call. */
  readonly walk: boolean;
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly string[];
  /** How the body is given: its fields among the arguments (`flat`), all of it as `body` (`nested`), or not at all. */
  readonly body: 'flat' | 'nested' | undefined;
  /** The path parameter `confirm` must equal, for a delete. */
  readonly confirms?: string;
}

/** Arguments the server adds to tools (they are not the API's). */
export const RESERVED = { dryRun: 'dry_run', confirm: 'confirm', maxItems: 'max_items', ifExists: 'if_exists', body: 'body' } as const;

/** A page walk returns at most this many items by default, and never more than MAX_ITEMS. */
export const DEFAULT_MAX_ITEMS = 250;
export const MAX_ITEMS = 1000;

/** `partnerLinks` → `partner_links`, `listAllDomains` → `list_all_domains`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

/** The kind of an operation, from its HTTP method. */
export function kindOf(row: OperationRow): ToolKind {
  const method = row.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return 'read';
  return method === 'DELETE' ? 'delete' : 'write';
}

/** Every tool of the table, in the table's order (each operation, then its walk). Throws if two would share a name. */
export function buildTools(spec: OpenApiDocument): McpTool[] {
  const tools: McpTool[] = [];
  for (const [id, row] of Object.entries(operationTable)) {
    tools.push(toolOf(spec, id, row, false));
    if (row.pagination) tools.push(toolOf(spec, id, row, true));
  }
  const names = new Set<string>();
  for (const tool of tools) {
    if (names.has(tool.name)) throw new Error(`two operations of the spec make the MCP tool ${tool.name}: give one another x-partnero-method`);
    names.add(tool.name);
  }
  return tools;
}

interface SpecOperation {
  readonly description?: string;
  readonly parameters: readonly Record<string, unknown>[];
  readonly body?: JsonSchema;
  readonly responses: Readonly<Record<string, unknown>>;
}

/** The operation of `row` in the bundled spec: its description, parameters (path item's and its own), body and answers, every $ref inlined. */
function specOperation(spec: OpenApiDocument, id: string, row: OperationRow): SpecOperation {
  const paths = spec['paths'];
  const item = isObject(paths) ? (resolved(spec, paths[row.path]) as unknown) : undefined;
  const operation = isObject(item) ? item[row.method.toLowerCase()] : undefined;
  if (!isObject(item) || !isObject(operation)) throw new Error(`the bundled spec has no ${row.method} ${row.path} (${id}): rebuild it (npm run build)`);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const list of [item['parameters'], operation['parameters']]) {
    for (const parameter of Array.isArray(list) ? list : []) {
      if (isObject(parameter)) byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
    }
  }
  const content = isObject(operation['requestBody']) ? operation['requestBody']['content'] : undefined;
  const json = isObject(content) ? content['application/json'] : undefined;
  const body = isObject(json) && isObject(json['schema']) ? json['schema'] : undefined;
  return {
    ...(typeof operation['description'] === 'string' ? { description: operation['description'].trim() } : {}),
    parameters: [...byKey.values()],
    ...(body ? { body } : {}),
    responses: isObject(operation['responses']) ? operation['responses'] : {},
  };
}

/** The schema of a parameter, with its description. */
function parameterSchema(parameter: Record<string, unknown>): JsonSchema {
  const schema = isObject(parameter['schema']) ? { ...parameter['schema'] } : {};
  if (typeof parameter['description'] === 'string') schema['description'] = parameter['description'].trim();
  return schema;
}

/** The schema of a 2xx answer's JSON body, or undefined for an answer without one. */
function answerSchema(response: unknown): JsonSchema | undefined {
  const content = isObject(response) ? response['content'] : undefined;
  const json = isObject(content) ? content['application/json'] : undefined;
  return isObject(json) && isObject(json['schema']) ? json['schema'] : undefined;
}

/** What a dry run answers: the request that would have been sent. */
const DRY_RUN_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'A dry run: the request that would have been sent, after the checks; nothing was sent.',
  required: ['dry_run', 'request'],
  properties: {
    dry_run: { const: true },
    request: {
      type: 'object',
      required: ['method', 'url', 'headers'],
      properties: {
        method: { type: 'string' },
        url: { type: 'string' },
        headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'The API key shows as [REDACTED].' },
        body: { description: 'The JSON body, as it would have been sent.' },
      },
    },
  },
};

function toolOf(spec: OpenApiDocument, id: string, row: OperationRow, walk: boolean): McpTool {
  const pagination = walk ? row.pagination! : undefined;
  const method = pagination ? pagination.method : row.name;
  const name = `${snake(row.resource)}_${snake(method)}`;
  const kind = kindOf(row);
  const operation = specOperation(spec, id, row);
  const parameters = new Map(operation.parameters.map((parameter) => [`${String(parameter['in'])}:${String(parameter['name'])}`, parameter]));

  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const parameter of row.pathParameters) {
    properties[parameter] = parameterSchema(parameters.get(`path:${parameter}`) ?? {});
    required.push(parameter);
  }
  // The client sends a query only for operations without a body; a walk sets the page itself.
  const queryParameters = row.body
    ? []
    : Object.keys(row.parameters).filter((parameter) => row.parameters[parameter]?.in === 'query' && parameter !== pagination?.page);
  for (const parameter of queryParameters) {
    properties[parameter] = parameterSchema(parameters.get(`query:${parameter}`) ?? {});
    if (row.parameters[parameter]?.required) required.push(parameter);
  }
  const extra: JsonSchema = {};
  let body: McpTool['body'];
  if (row.body) {
    const schema = operation.body ?? {};
    const fields = isObject(schema['properties']) ? schema['properties'] : undefined;
    const taken = (field: string): boolean => field in properties || Object.values(RESERVED).includes(field as never);
    if (fields && schema['type'] === 'object' && !Object.keys(fields).some(taken)) {
      // The body's fields are the tool's arguments, beside the path parameters.
      body = 'flat';
      for (const [field, fieldSchema] of Object.entries(fields)) properties[field] = fieldSchema as JsonSchema;
      if (row.body.required && Array.isArray(schema['required'])) required.push(...(schema['required'] as string[]));
      // Rules over the body as a whole (dependentRequired, anyOf, ...) hold over the arguments too.
      for (const [keyword, value] of Object.entries(schema)) {
        if (!['type', 'properties', 'required', 'additionalProperties', 'unevaluatedProperties', 'description', 'title', 'examples'].includes(keyword)) extra[keyword] = value;
      }
    } else {
      body = 'nested';
      properties[RESERVED.body] = schema;
      if (row.body.required) required.push(RESERVED.body);
    }
  }
  const lines: string[] = [];
  const limitRule = pagination ? row.parameters[pagination.limit] : undefined;
  if (pagination) {
    properties[RESERVED.maxItems] = {
      type: 'integer',
      minimum: 1,
      maximum: MAX_ITEMS,
      default: DEFAULT_MAX_ITEMS,
      description: `At most this many items are returned (default ${DEFAULT_MAX_ITEMS}, at most ${MAX_ITEMS}); truncated says whether more were left.`,
    };
    lines.push(
      `Walks every page of ${snake(row.resource)}_${snake(row.name)}, one after another, and returns up to max_items items ` +
        `(default ${DEFAULT_MAX_ITEMS}, at most ${MAX_ITEMS}); \`truncated\` is true when more were left (read them page by page with ${snake(row.resource)}_${snake(row.name)}).` +
        (limitRule?.maximum !== undefined ? ` Without ${pagination.limit}, pages of up to ${limitRule.maximum} items are asked for.` : ''),
    );
  }
  if (kind !== 'read') {
    properties[RESERVED.dryRun] = {
      type: 'boolean',
      default: false,
      description: 'true: check the arguments and answer the exact request that would be sent, sending nothing.',
    };
    lines.push('With dry_run: true it answers the exact request that would be sent (after every check) and sends nothing.');
  }
  const confirms = kind === 'delete' ? row.pathParameters.at(-1) : undefined;
  if (kind === 'delete') {
    properties[RESERVED.confirm] = {
      type: 'string',
      description: confirms ? `Must equal ${confirms}: the id of what is deleted, given twice on purpose.` : `Must be ${JSON.stringify(name)}.`,
    };
    required.push(RESERVED.confirm);
    lines.push(`Refused, with nothing sent, unless confirm equals ${confirms ?? JSON.stringify(name)}.`);
  }
  if (row.create) {
    properties[RESERVED.ifExists] = {
      enum: ['error', 'return'],
      default: 'error',
      description: `"return": when ${row.create.match} is already taken by the same owner, answer that link instead of an error (a retry after a lost answer). Taken by another owner is still an error.`,
    };
    lines.push(
      `Safe to retry: the client never creates twice. After a failure that may have created it (a timeout, a connection cut after sending, a 5xx), ` +
        `it looks ${row.create.match} up instead of sending the create again, and answers what it found.`,
    );
  }

  if (row.write) {
    lines.push(
      'After a failure that may have acted (a timeout, a connection cut after sending, a 5xx), the client finds out whether it happened ' +
        'instead of sending it blindly again, and answers what it found.',
    );
  }

  const variants: JsonSchema[] = [];
  const seen = new Set<string>();
  for (const [status, validator] of Object.entries(row.success)) {
    const schema = validator === null ? undefined : answerSchema(operation.responses[status]);
    const variant: JsonSchema = schema ?? {
      type: 'object',
      additionalProperties: false,
      description: `The API answered ${status} without a body.`,
    };
    const key = JSON.stringify(variant);
    if (!seen.has(key)) variants.push(variant), seen.add(key);
  }
  let outputSchema: JsonSchema;
  if (pagination) {
    const page = variants[0];
    const item = schemaAt(page, [...pagination.items, '0']) ?? {};
    outputSchema = {
      type: 'object',
      required: ['items', 'count', 'truncated'],
      properties: {
        items: { type: 'array', items: item, description: `The items of every page, in order (${pagination.items.join('.')} of each page).` },
        count: { type: 'integer', minimum: 0, description: 'How many items there are in items.' },
        truncated: { type: 'boolean', description: 'Whether more items were left after max_items.' },
      },
    };
  } else {
    if (kind !== 'read') variants.push(DRY_RUN_SCHEMA);
    outputSchema = variants.length === 1 && variants[0]!['type'] === 'object' ? variants[0]! : { type: 'object', anyOf: variants };
  }

  const summary = summaries[id] ?? id;
  const title = pagination ? `${summary}: every page` : summary;
  const description = [`${title}.`.replace(/\.\.$/, '.'), ...(operation.description && !pagination ? [operation.description] : []), ...lines].join('\n\n');
  return {
    name,
    title,
    description,
    inputSchema: { type: 'object', properties, ...(required.length ? { required } : {}), ...extra, additionalProperties: false },
    outputSchema,
    annotations: {
      title,
      readOnlyHint: kind === 'read',
      // Only a delete removes something; a create adds, an update (PUT) replaces fields of what stays.
      destructiveHint: kind === 'delete',
      // GET, PUT and DELETE by HTTP's rules; a create only when the client makes it exactly-once.
      idempotentHint: kind !== 'write' || row.method.toUpperCase() === 'PUT' || row.create !== undefined,
      openWorldHint: false,
    },
    kind,
    operationId: id,
    row,
    resource: row.resource,
    method,
    walk: pagination !== undefined,
    pathParameters: row.pathParameters,
    queryParameters,
    body,
    ...(confirms ? { confirms } : {}),
  };
}
