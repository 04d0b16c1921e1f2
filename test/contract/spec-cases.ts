// The contract cases, read from the bundled spec (global-setup.ts) and the generated operation
// table: nothing here names an operation, a path or an example. An operation added to the spec
// is tested without editing a test.
import { operationTable, type OperationRow } from '../../src/resources.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** A value of the parsed spec, read loosely. */
type Node = Record<string, unknown>;

/** A named example (`Prefer: example=<name>`); `name` is undefined for a lone `example`. */
export interface Example {
  readonly name: string | undefined;
  readonly value: unknown;
}

/** One documented answer of an operation: its status and the examples of its JSON body (none: no body). */
export interface Answer {
  readonly status: number;
  readonly examples: readonly Example[];
}

/** Everything the tests need to call one operation, worked out from the spec. */
export interface OperationCase {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  /** The row of the generated table (resource, method name, parameter rules, pagination). */
  readonly row: OperationRow;
  /** Each path parameter's example, by name; a missing example is named in `problems`. */
  readonly pathValues: Readonly<Record<string, string>>;
  /** The query parameters' defaults (an operation without query parameters: undefined). */
  readonly query: Readonly<Record<string, unknown>> | undefined;
  /** The request body's examples (none: the operation takes no body). */
  readonly bodies: readonly Example[];
  readonly successes: readonly Answer[];
  readonly errors: readonly Answer[];
  /** What the spec fails to give for a test (a path parameter without an example, ...). */
  readonly problems: readonly string[];
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const nodeAt = (value: unknown, key: string): Node => (isNode(value) && isNode(value[key]) ? value[key] : {});

/** The examples of a media type object: named `examples`, or a lone `example`. */
function examplesOf(media: Node): Example[] {
  if (isNode(media.examples)) {
    return Object.entries(media.examples).map(([name, example]) => ({ name, value: nodeAt({ e: example }, 'e').value }));
  }
  return 'example' in media ? [{ name: undefined, value: media.example }] : [];
}

/** A parameter's example: `schema.examples[0]`, `schema.example`, `example` or its first named example. */
function parameterExample(parameter: Node): unknown {
  const schema = nodeAt(parameter, 'schema');
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('example' in schema) return schema.example;
  if ('example' in parameter) return parameter.example;
  const named = Object.values(nodeAt(parameter, 'examples'))[0];
  return isNode(named) ? named.value : undefined;
}

/** Every operation of the bundled spec, with what its tests need. */
export function operationCases(specText: string): OperationCase[] {
  const spec = JSON.parse(specText) as Node;
  const cases: OperationCase[] = [];
  for (const [path, item] of Object.entries(nodeAt(spec, 'paths'))) {
    for (const method of METHODS) {
      const op = nodeAt(item, method);
      if (Object.keys(op).length === 0) continue;
      const id = String(op.operationId);
      const problems: string[] = [];
      const row = operationTable[id];
      if (!row) throw new Error(`${id} is in the spec but not in src/generated/spec.ts: run npm run generate`);

      const parameters = [
        ...(isNode(item) && Array.isArray(item.parameters) ? (item.parameters as Node[]) : []),
        ...(Array.isArray(op.parameters) ? (op.parameters as Node[]) : []),
      ];
      const pathValues: Record<string, string> = {};
      let query: Record<string, unknown> | undefined;
      for (const parameter of parameters) {
        const name = String(parameter.name);
        if (parameter.in === 'path') {
          const example = parameterExample(parameter);
          if (typeof example === 'string' || typeof example === 'number') pathValues[name] = String(example);
          else problems.push(`path parameter ${name} has no example`);
        } else if (parameter.in === 'query') {
          query ??= {};
          const schema = nodeAt(parameter, 'schema');
          if ('default' in schema) query[name] = schema.default;
          // Of the parameters a call gives exactly one of (x-partnero-exactly-one), the first, with its example.
          if (row.exactlyOne?.[0] === name) {
            const example = parameterExample(parameter);
            if (example === undefined) problems.push(`query parameter ${name} has no example`);
            else query[name] = example;
          }
        }
      }

      const bodyMedia = nodeAt(nodeAt(nodeAt(op, 'requestBody'), 'content'), 'application/json');
      const bodies = examplesOf(bodyMedia);
      if (row.body && bodies.length === 0) problems.push('the request body has no example');

      const successes: Answer[] = [];
      const errors: Answer[] = [];
      for (const [status, response] of Object.entries(nodeAt(op, 'responses'))) {
        if (!/^[1-5]\d\d$/.test(status)) continue;
        const media = nodeAt(nodeAt(response, 'content'), 'application/json');
        const answer = { status: Number(status), examples: examplesOf(media) };
        if (Object.keys(media).length > 0 && answer.examples.length === 0) problems.push(`the ${status} answer has no example`);
        (answer.status < 300 ? successes : errors).push(answer);
      }
      cases.push({ id, method: method.toUpperCase(), path, row, pathValues, query, bodies, successes, errors, problems });
    }
  }
  return cases;
}

/** The arguments of `client.<resource>.<name>(...)`: path parameters in order, then the body or the query. */
export function callArguments(operation: OperationCase, body: unknown = operation.bodies[0]?.value): unknown[] {
  const { row } = operation;
  const args: unknown[] = row.pathParameters.map((name) => operation.pathValues[name]);
  if (row.body) args.push(body);
  else if (operation.query) args.push({ ...operation.query });
  return args;
}

/** The URL of the operation at `baseUrl`, with the path examples, the query defaults and `overrides` (e.g. `{ limit: 0 }`). */
export function operationUrl(baseUrl: string, operation: OperationCase, overrides: Record<string, unknown> = {}): string {
  const values: Record<string, unknown> = { ...operation.pathValues, ...operation.query, ...overrides };
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
  const search = new URLSearchParams();
  for (const [name, rule] of Object.entries(operation.row.parameters)) {
    if (rule.in === 'query' && values[name] !== undefined) search.set(name, String(values[name]));
  }
  const text = search.toString();
  return `${baseUrl}${path}${text ? `?${text}` : ''}`;
}

/** The value at `path` (a list of keys) inside `value`, or undefined. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = isNode(current) ? current[key] : undefined;
  return current;
}

/**
 * The walks over pages that the examples of a paginated operation document: each starts at an
 * example of the first page (or one without a page number) and follows its next-page link to the
 * example of that page. A link to a page no example documents is reported in `broken`.
 */
export function documentedWalks(operation: OperationCase): { examples: Example[]; broken?: string }[] {
  const pagination = operation.row.pagination;
  if (!pagination) return [];
  const firstPage = (operation.row.parameters[pagination.page]?.default as number | undefined) ?? 1;
  const examples = operation.successes.find((answer) => answer.examples.some((e) => e.name !== undefined))?.examples ?? [];
  const pageOf = (example: Example) => valueAt(example.value, pagination.currentPage);
  const walks: { examples: Example[]; broken?: string }[] = [];
  for (const start of examples) {
    if (start.name === undefined || (pageOf(start) !== undefined && pageOf(start) !== firstPage)) continue;
    const walk: { examples: Example[]; broken?: string } = { examples: [start] };
    for (let current = start; walk.examples.length <= examples.length; ) {
      const next = valueAt(current.value, pagination.next);
      if (typeof next !== 'string') break;
      const page = Number(new URL(next).searchParams.get(pagination.page));
      const found = examples.filter((example) => pageOf(example) === page);
      if (found.length !== 1) {
        walk.broken = `${current.name}'s ${pagination.next.join('.')} points to page ${page}, documented by ${found.length} examples instead of one`;
        break;
      }
      current = found[0]!;
      walk.examples.push(current);
    }
    walks.push(walk);
  }
  return walks;
}
