// The command line of `partnero`, read in two steps: first the resource and method words (and
// the flags every command has), then the chosen command's own flags, which come from the spec.
import { parseArgs } from 'node:util';
import type { ParameterRule } from '../internal/params.js';
import { UsageError } from '../internal/command-line.js';
import { findCommand, isWriteCommand, resources, type Command, type Flag } from './commands.js';
import { BULK_OPTIONS, bulkFlagsOf, type BulkFlags } from './bulk-flags.js';

export { UsageError } from '../internal/command-line.js';

/** What the command line asks for. */
export type Request =
  | { readonly kind: 'help'; readonly resource?: string; readonly command?: Command }
  | { readonly kind: 'version' }
  | Invocation;

/** One command to run, with its arguments read but not yet checked against the spec. */
export interface Invocation {
  readonly kind: 'run';
  readonly command: Command;
  /** The path parameters, as typed. */
  readonly positionals: readonly string[];
  /** The query, by parameter name. */
  readonly query: Readonly<Record<string, unknown>>;
  /** Body fields given by flags: [flag, value] in the order of the command's flags. */
  readonly fields: readonly (readonly [Flag, unknown])[];
  /** The text of `--json <body>` (`-` for stdin), if given. */
  readonly bodyJson: string | undefined;
  /** What was typed for each flag given, by flag name: error messages echo it. */
  readonly typed: ReadonlyMap<string, string>;
  /** `--json`: one JSON object per line. */
  readonly json: boolean;
  /** `--base-url`, if given (PARTNERO_BASE_URL is the caller's to read). */
  readonly baseUrl: string | undefined;
  /** `--from FILE` and its flags (write commands): the command runs once per row of the file. */
  readonly bulk?: BulkFlags;
}

/** Whether `text` after `--json` is a body (`{...}` or `-`) rather than the next argument. */
const isBodyText = (text: string | undefined): text is string => text !== undefined && (text === '-' || text.trimStart().startsWith('{'));

/** Reads `argv` (without `node` and the script); throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Request {
  // Step 1: the words that choose the command, and the flags that may come before them.
  const words: string[] = [];
  const rest: string[] = [];
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (words.length < 2 && !arg.startsWith('-')) {
      // `partnero help [resource [command]]` is `--help`.
      if (words.length === 0 && arg === 'help' && !help) help = true;
      else words.push(arg);
    } else if (arg === '-h' || arg === '--help') {
      help = true;
    } else if (arg === '--version') {
      version = true;
    } else if (arg === '--') {
      if (words.length < 2) throw new UsageError('the command comes before "--": partnero <resource> <command> [arguments] [flags]');
      // Everything after it is an argument, even `-h`.
      rest.push(...argv.slice(i));
      break;
    } else {
      rest.push(arg);
      // Flags with a value that may come before the command: the value is not a command word.
      if ((arg === '--base-url' || (arg === '--json' && isBodyText(argv[i + 1]))) && argv[i + 1] !== undefined) {
        rest.push(argv[++i]!);
      } else if (words.length < 2 && arg !== '--json' && !arg.startsWith('--base-url=') && !arg.startsWith('--json=')) {
        throw new UsageError(`${arg} goes after the command: partnero <resource> <command> [arguments] [flags]`);
      }
    }
  }
  const [resourceWord, methodWord] = words;
  const known = [...resources.keys()].join(', ');
  if (help && resourceWord === undefined) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (resourceWord === undefined) throw new UsageError(`a command is required: partnero <resource> <command>, with a resource among ${known}`);
  const methods = resources.get(resourceWord);
  if (!methods) throw new UsageError(`unknown resource ${JSON.stringify(resourceWord)}${inParentheses(didYouMean(resourceWord, [...resources.keys()]))}: use one of ${known}`);
  const commandList = methods.map((command) => command.method).join(', ');
  if (methodWord === undefined) {
    if (help) return { kind: 'help', resource: resourceWord };
    throw new UsageError(`${resourceWord} needs a command: one of ${commandList}`, resourceWord);
  }
  const command = findCommand(resourceWord, methodWord);
  if (!command) {
    const suggested = didYouMean(methodWord, methods.map((c) => c.method));
    throw new UsageError(`unknown command ${JSON.stringify(methodWord)} of ${resourceWord}${inParentheses(suggested)}: use one of ${commandList}`, resourceWord);
  }
  if (help) return { kind: 'help', command };
  return parseInvocation(command, rest);
}

/** Step 2: the command's positionals and flags. */
function parseInvocation(command: Command, rest: readonly string[]): Invocation {
  const name = `${command.resource} ${command.method}`;
  const fail = (message: string): never => {
    throw new UsageError(message, name);
  };
  // `--json {...}` (or `--json -`) is the body; a bare `--json` asks for JSON output.
  let bodyJson: string | undefined;
  const tokens: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      tokens.push(...rest.slice(i));
      break;
    }
    let text: string | undefined;
    if (command.body && arg.startsWith('--json=')) text = arg.slice('--json='.length);
    else if (command.body && arg === '--json' && isBodyText(rest[i + 1])) text = rest[++i];
    else {
      tokens.push(arg);
      continue;
    }
    if (bodyJson !== undefined) fail('--json gives the whole body once');
    bodyJson = text;
  }
  type OptionSpec = { type: 'string' | 'boolean'; short?: string };
  const options: Record<string, OptionSpec> = {
    json: { type: 'boolean' },
    'base-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  if (isWriteCommand(command)) Object.assign(options, BULK_OPTIONS);
  for (const flag of command.flags) {
    options[flag.name] = { type: flag.kind === 'boolean' ? 'boolean' : 'string' };
    if (flag.kind === 'boolean') options[`no-${flag.name}`] = { type: 'boolean' };
  }
  checkFlags(tokens, options, fail);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: tokens, options, allowPositionals: true, strict: true });
  } catch (error) {
    // checkFlags says in our words what parseArgs refuses; should it refuse something else, its first sentence, one line.
    return fail(((error as Error).message.split(/(?<=\.)\s/)[0] ?? '').replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { positionals } = parsed;
  const bulk = bulkFlagsOf(values, fail);
  if (bulk && positionals.length) {
    fail(`with --from, the ${command.positionals.map((p) => p.label).join(' and ') || 'arguments'} come from the file's columns: unexpected argument ${JSON.stringify(positionals[0])}`);
  }
  if (positionals.length < command.positionals.length && !bulk) {
    const missing = command.positionals[positionals.length]!;
    fail(`${name} needs the ${missing.label}: partnero ${name} ${command.positionals.map((p) => p.metavar).join(' ')}`);
  }
  if (positionals.length > command.positionals.length) {
    fail(`unexpected argument ${JSON.stringify(positionals[command.positionals.length])}${command.positionals.length ? '' : `: ${name} takes no positional arguments`}`);
  }
  const typed = new Map<string, string>();
  const query: Record<string, unknown> = {};
  const fields: [Flag, unknown][] = [];
  for (const flag of command.flags) {
    let value: unknown;
    if (flag.kind === 'boolean') {
      const yes = values[flag.name] === true;
      const no = values[`no-${flag.name}`] === true;
      if (yes && no) fail(`--${flag.name} and --no-${flag.name} cannot be used together`);
      if (!yes && !no) continue;
      typed.set(flag.name, yes ? 'true' : 'false');
      value = yes;
    } else {
      const text = values[flag.name];
      if (typeof text !== 'string') continue;
      typed.set(flag.name, text);
      value = flag.parameter ? parameterValue(text, flag.parameter) : fieldValue(text, flag, fail);
    }
    if (flag.target.in === 'query') query[flag.target.name] = value;
    else fields.push([flag, value]);
  }
  const baseUrl = values['base-url'] as string | undefined;
  if (baseUrl === '') fail('--base-url needs a URL, e.g. --base-url http://127.0.0.1:4010');
  return { kind: 'run', command, positionals, query, fields, bodyJson, typed, json: values['json'] === true, baseUrl, ...(bulk ? { bulk } : {}) };
}

/**
 * A query parameter's text as the value its rule asks for: decimal digits are a number for
 * integer and number parameters, anything else stays text for the client to refuse by name.
 */
function parameterValue(text: string, rule: ParameterRule): unknown {
  if ((rule.type === 'integer' && /^[-+]?\d+$/.test(text)) || (rule.type === 'number' && NUMBER.test(text))) return Number(text);
  return text;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A body field's text as the value its rule (in words, from the spec) allows: `null` where null
 * is allowed, digits as a number where an integer is (even when a string would do too: a
 * number is what the documentation shows), `true`/`false` for booleans, JSON for objects and
 * lists; otherwise the text itself.
 */
export function fieldValue(text: string, flag: Flag, fail: (message: string) => never): unknown {
  const rule = flag.rule;
  if (rule.startsWith('one of ')) {
    const choices = rule.slice('one of '.length).split(', ').map((choice) => JSON.parse(choice) as unknown);
    return choices.find((choice) => String(choice) === text) ?? text;
  }
  const allows = (pattern: RegExp): boolean => pattern.test(rule);
  const integer = allows(/\ban integer\b/);
  const number = allows(/\ba number\b/);
  const string = allows(/\ba (non-empty )?string\b/);
  if (text === 'null' && allows(/\bnull\b/)) return null;
  if ((integer && /^[-+]?\d+$/.test(text)) || (number && NUMBER.test(text))) {
    const value = Number(text);
    if (Number.isSafeInteger(value) || (number && Number.isFinite(value) && !/^[-+]?\d+$/.test(text))) return value;
    // Beyond 2^53 a number is no longer sent as typed: text where text is allowed, else refused.
    if (string) return text;
    return fail(`--${flag.name} must be ${rule}, got ${text} (too large to send exactly)`);
  }
  if ((text === 'true' || text === 'false') && allows(/\btrue or false\b/)) return text === 'true';
  if (/^\s*[[{]/.test(text) && allows(/\ban object\b|\ba list\b/)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail(`--${flag.name} must be ${rule}, given as JSON; got ${JSON.stringify(text)}`);
    }
  }
  return text;
}

/**
 * Says in the command's words, one line each, what node's parseArgs would refuse: an unknown
 * flag (with the nearest one the command has, as git and gh suggest), a value missing or
 * starting with `-` (give it as `--flag=-value`), a value given to a flag that takes none.
 */
function checkFlags(tokens: readonly string[], options: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>, fail: (message: string) => never): void {
  const shorts = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '--') return;
    if (!token.startsWith('-') || token === '-') continue;
    if (!token.startsWith('--')) {
      // `-h`; a negative number or other text after a single dash is no flag of ours.
      if (token.length === 2 && shorts.has(token[1]!)) continue;
      const hint = suggestion(token.replace(/^-+/, ''), Object.keys(options)) || `; an argument that starts with "-" goes after "--": -- ${token}`;
      fail(`unknown option ${token}${hint}`);
    }
    const equals = token.indexOf('=');
    const name = token.slice(2, equals < 0 ? undefined : equals);
    const spec = options[name];
    if (!spec) fail(`unknown option --${name}${suggestion(name, Object.keys(options))}`);
    if (spec.type === 'boolean') {
      if (equals >= 0) fail(`--${name} takes no value${options[`no-${name}`] ? `: use --${name} or --no-${name}` : ''}`);
      continue;
    }
    if (equals >= 0) continue;
    const value = tokens[i + 1];
    if (value === undefined || value === '--') fail(`--${name} needs a value`);
    if (value.startsWith('-') && value !== '-') fail(`--${name} needs a value; to give one that starts with "-", write --${name}=${value}`);
    i++;
  }
}

/** `; did you mean --limit?` for `limt`: the flags nearest by edit distance (at most 2, or a longer flag it begins). */
function suggestion(typed: string, names: readonly string[]): string {
  return didYouMean(typed, names, '--');
}

/** `; did you mean list?`: the names nearest to `typed` by edit distance (at most 2, or a longer name it begins), or ''. */
function didYouMean(typed: string, names: readonly string[], prefix = ''): string {
  const scored = names.map((name) => ({ name, distance: name.startsWith(typed) && typed.length >= 2 ? 1 : editDistance(typed, name) }));
  const best = Math.min(...scored.map((entry) => entry.distance));
  if (!(best <= 2 && best < typed.length)) return '';
  const nearest = scored.filter((entry) => entry.distance === best).map((entry) => `${prefix}${entry.name}`);
  return `; did you mean ${nearest.length === 1 ? nearest[0] : `${nearest.slice(0, -1).join(', ')} or ${nearest.at(-1)}`}?`;
}

/** `; did you mean x?` as ` (did you mean x?)`, for a message that goes on after it. */
const inParentheses = (hint: string): string => (hint ? ` (${hint.slice(2)})` : '');

/** Levenshtein distance, with a swap of two neighbours counted as one edit (`lmiit` → `limit`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
