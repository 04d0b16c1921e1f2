// The commands of `partnero`, derived from the generated operation table: one command per
// operation (`partnero <resource> <method>`), and one more per paginated operation for its page
// walk. Flags come from the query parameters and from the request body's fields (by their JSON
// pointers in `bodyRules`). Nothing here names an operation, a path or a field.
import { operationTable, type OperationRow } from '../resources.js';
import type { ParameterRule } from '../internal/params.js';
import { describeRule } from '../internal/params.js';
import { bodyRules } from '../generated/validators.js';
import { summaries } from '../generated/spec.js';
import { pointerTokens } from '../internal/json.js';
import { BULK_FLAG_NAMES } from './bulk-flags.js';

/** A positional argument: a path parameter. */
export interface Positional {
  /** The path parameter's name, e.g. `id`. */
  readonly name: string;
  /** What it is, in words, e.g. `partner ID` (from the path segment before it). */
  readonly label: string;
  /** Its placeholder in usage lines, e.g. `<partner-id>`. */
  readonly metavar: string;
  readonly rule: ParameterRule;
}

/** How a flag's text becomes a value. */
export type FlagKind = 'boolean' | 'value';

/** A flag of a command: a query parameter or a field of the body. */
export interface Flag {
  /** Without the dashes, e.g. `partner-id`. */
  readonly name: string;
  readonly kind: FlagKind;
  /** Where the value goes: a query parameter's name, or a JSON pointer into the body. */
  readonly target: { readonly in: 'query'; readonly name: string } | { readonly in: 'body'; readonly pointer: readonly string[] };
  /** What the spec allows, in words. */
  readonly rule: string;
  /** The parameter's rule, for query flags. */
  readonly parameter?: ParameterRule;
}

/** One command: an operation, called once (`call`) or walked page after page (`walk`). */
export interface Command {
  /** `partner-links` */
  readonly resource: string;
  /** `list`, `list-all` */
  readonly method: string;
  readonly operationId: string;
  readonly row: OperationRow;
  readonly kind: 'call' | 'walk';
  /** The client's names: `client[resourceKey][methodKey]`. */
  readonly resourceKey: string;
  readonly methodKey: string;
  readonly summary: string;
  readonly positionals: readonly Positional[];
  readonly flags: readonly Flag[];
  /** Whether the command takes a body (fields as flags, or all of it with `--json`). */
  readonly body: boolean;
  /** The rule of the body as a whole, in words. */
  readonly bodyRule?: string;
  /** Whether the client method takes an input (query or body) after its path parameters. */
  readonly takesInput: boolean;
}

/** Flags every command has; no parameter or field may take these names. */
export const GLOBAL_FLAGS = ['json', 'base-url', 'help', 'version'] as const;

/** `listAllDomains` → `list-all-domains`, `is_additional` → `is-additional`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** Every command, in the table's order. */
export const commands: readonly Command[] = Object.entries(operationTable).flatMap(([id, row]) => {
  const call = commandOf(id, row, 'call');
  return row.pagination ? [call, commandOf(id, row, 'walk')] : [call];
});

/** The commands of each resource, by the resource's kebab name, in the table's order. */
export const resources: ReadonlyMap<string, readonly Command[]> = commands.reduce((map, command) => {
  map.set(command.resource, [...(map.get(command.resource) ?? []), command]);
  return map;
}, new Map<string, Command[]>());

function commandOf(id: string, row: OperationRow, kind: 'call' | 'walk'): Command {
  const walk = kind === 'walk' ? row.pagination : undefined;
  const methodKey = walk ? walk.method : row.name;
  // The flags of --from too, on every command: whether a row writes is only known below.
  const taken = new Set<string>([...GLOBAL_FLAGS, ...BULK_FLAG_NAMES]);
  const flags: Flag[] = [];
  const add = (flag: Flag): void => {
    // A name taken twice (a field `a_b` and a field `a.b`, or a field `from`) is refused by the
    // generator (scripts/lib/spec-names.mjs); should one get here, it keeps its first owner.
    if (taken.has(flag.name) || taken.has(`no-${flag.name}`)) return;
    taken.add(flag.name);
    flags.push(flag);
  };
  const queryNames = Object.keys(row.parameters).filter((name) => row.parameters[name]?.in === 'query');
  // The client sends a query only for operations without a body.
  if (!row.body) {
    for (const name of queryNames) {
      // A walk sets the page itself.
      if (walk && name === walk.page) continue;
      const parameter = row.parameters[name]!;
      const kind = parameter.type === 'boolean' ? 'boolean' : 'value';
      add({ name: kebab(name), kind, target: { in: 'query', name }, rule: describeRule(parameter), parameter });
    }
  }
  let bodyRule: string | undefined;
  if (row.body) {
    const rules = bodyRules[row.body.validator] ?? {};
    bodyRule = rules[''];
    const pointers = Object.keys(rules).filter((pointer) => pointer !== '');
    for (const pointer of pointers) {
      const tokens = pointerTokens(pointer);
      // Items of lists, and objects whose fields have flags of their own, are given with --json.
      if (tokens.includes('*') || pointers.some((other) => other.startsWith(`${pointer}/`))) continue;
      const rule = rules[pointer]!;
      add({ name: tokens.map(kebab).join('-'), kind: rule === 'true or false' ? 'boolean' : 'value', target: { in: 'body', pointer: tokens }, rule });
    }
  }
  return {
    resource: kebab(row.resource),
    method: kebab(methodKey),
    operationId: id,
    row,
    kind,
    resourceKey: row.resource,
    methodKey,
    summary: walk ? `${summaries[id] ?? row.name}: every page, one after another` : (summaries[id] ?? id),
    positionals: row.pathParameters.map((name) => positionalOf(row, name)),
    flags,
    body: row.body !== undefined,
    ...(bodyRule !== undefined ? { bodyRule } : {}),
    takesInput: walk ? queryNames.some((name) => name !== walk.page) : row.body !== undefined || queryNames.length > 0,
  };
}

/** `{id}` after `/partners/` is the `partner ID`; after `/partner_referral_links/`, the `partner referral link ID`. */
function positionalOf(row: OperationRow, name: string): Positional {
  const segments = row.path.split('/');
  const index = segments.indexOf(`{${name}}`);
  const before = index > 0 ? (segments[index - 1] ?? '') : '';
  const owner = before.replace(/[^A-Za-z0-9_-].*$/, '').replace(/ies$/, 'y').replace(/s$/, '').replace(/[_-]+/g, ' ').trim();
  const noun = name === 'id' ? 'ID' : name.replace(/_id$/, ' ID').replace(/_/g, ' ');
  // `{partner_id}` after `/partners/` is the `partner ID`, not the `partner partner ID`.
  const label = owner && !noun.startsWith(owner) ? `${owner} ${noun}` : noun;
  return { name, label, metavar: `<${kebab(label.replace(/ID$/, 'id'))}>`, rule: row.parameters[name] ?? { in: 'path', required: true } };
}

/** Whether a command writes (create, update, delete: anything but a read), and so takes `--from`. */
export function isWriteCommand(command: Command): boolean {
  return command.kind === 'call' && !['GET', 'HEAD', 'OPTIONS'].includes(command.row.method.toUpperCase());
}

/** The command `partnero <resource> <method>`, if there is one. */
export function findCommand(resource: string, method: string): Command | undefined {
  return resources.get(resource)?.find((command) => command.method === method);
}
