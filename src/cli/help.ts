// The help texts of `partnero`, written from the commands (and so from the spec).
import { describeRule } from '../internal/params.js';
import { commands, isWriteCommand, resources, type Command, type Flag } from './commands.js';
import { DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY_LIMITED } from './bulk-flags.js';

const ENVIRONMENT = `Environment:
  PARTNERO_API_KEY   the program's API key (required; never printed)
  PARTNERO_BASE_URL  where the API is, unless --base-url is given`;

const OUTPUT = `Output: on a terminal, a table; piped, tab-separated lines with the same columns and
values, without a header; with --json, one JSON object per line.`;

const EXIT_CODES = `Exit codes: 0 success, 1 an error from the API, the network or writing the output, 2 wrong usage, 130 interrupted
(Ctrl-C, or the output closed before a --from run was done), 143 stopped by SIGTERM (as on Ctrl-C).`;

/** What every command's help ends with: the rest is said once, in `partnero --help`. */
const FOOTER = `Every command also takes --json, --base-url URL and -h/--help. A value that starts with "-" is
given after "=" (--flag=-value). PARTNERO_API_KEY (required) and PARTNERO_BASE_URL set the key
and the server; output and exit codes: partnero --help.`;

const GLOBAL_FLAGS = `Flags of every command:
  --json            one JSON object per line, fields as the API names them
  --base-url URL    where the API is (default: PARTNERO_BASE_URL, else the spec's server)
  -h, --help        help (partnero <resource> <command> --help for one command)
  --version         the version of partnero
A value that starts with "-" is given after "=" (--flag=-value); an argument that starts with
"-" goes after "--".`;

/** The usage line of a command, e.g. `partnero partner-links list <partner-id> [--limit N] [--page N]`. */
export function usageLine(command: Command): string {
  const flags = command.flags.map((flag) => (flag.kind === 'boolean' ? `[--${flag.name}]` : `[--${flag.name} ${metavarOf(flag)}]`));
  const body = command.body ? ["[--json '{...}' | --json -]"] : [];
  return ['partnero', command.resource, command.method, ...command.positionals.map((p) => p.metavar), ...flags, ...body].join(' ');
}

/** `partner-links list <partner-id>`: the command and its positionals. */
function shortLine(command: Command): string {
  return [command.resource, command.method, ...command.positionals.map((p) => p.metavar)].join(' ');
}

/** `partnero --help`. */
export function mainHelp(version: string): string {
  const rows = commands.map((command) => [shortLine(command), command.summary]);
  return `partnero ${version}: the Partnero API from the command line, one command per operation of its spec.

Usage: partnero <resource> <command> [arguments] [flags]

Resources: ${[...resources.keys()].join(', ')}

Commands:
${columns(rows, '  ')}

For AI agents: partnero mcp serves these operations as MCP tools (partnero mcp --help).

${GLOBAL_FLAGS}

${ENVIRONMENT}

${OUTPUT}

${EXIT_CODES}
`;
}

/** `partnero <resource> --help`. */
export function resourceHelp(resource: string): string {
  const rows = (resources.get(resource) ?? []).map((command) => [shortLine(command), command.summary]);
  return `Usage: partnero ${resource} <command> [arguments] [flags]

Commands:
${columns(rows, '  ')}

partnero ${resource} <command> --help shows one command's arguments and flags.
`;
}

/** `partnero <resource> <command> --help`: the summary, the operation, the arguments and each flag's rule from the spec. */
export function commandHelp(command: Command): string {
  const { row } = command;
  const sections: string[] = [`Usage: ${usageLine(command)}`, `${command.summary}.`.replace(/\.\.$/, '.')];
  const walk = command.kind === 'walk' ? `, page after page (following ${row.pagination?.next.join('.')})` : '';
  sections.push(`Operation: ${row.method} ${row.path} (${command.operationId})${walk}`);
  if (command.positionals.length) {
    sections.push(`Arguments:\n${columns(command.positionals.map((p) => [p.metavar, `the ${p.label}: ${describeRule(p.rule)}`]), '  ')}`);
  }
  const queryFlags = command.flags.filter((flag) => flag.target.in === 'query');
  const bodyFlags = command.flags.filter((flag) => flag.target.in === 'body');
  const flagRow = (flag: Flag): string[] => {
    const name = flag.kind === 'boolean' ? `--${flag.name}, --no-${flag.name}` : `--${flag.name} ${metavarOf(flag)}`;
    const where = flag.target.in === 'body' ? ` (${flag.target.pointer.join('.')})` : '';
    const fallback = flag.parameter?.default !== undefined ? ` (default ${JSON.stringify(flag.parameter.default)})` : '';
    return [name, `${flag.rule}${fallback}${where}`];
  };
  if (queryFlags.length) sections.push(`Flags:\n${columns(queryFlags.map(flagRow), '  ')}`);
  if (command.body) {
    sections.push(
      `Body (${command.bodyRule ?? 'JSON'}${row.body?.required ? ', required' : ''}): its fields as flags, or all of it as JSON
with --json '{...}' (--json - reads it from stdin); flags given too replace those fields.` +
        (bodyFlags.length ? `\n${columns(bodyFlags.map(flagRow), '  ')}` : ''),
    );
  }
  if (isWriteCommand(command)) sections.push(bulkHelp(command));
  sections.push(FOOTER);
  return `${sections.join('\n\n')}\n`;
}

function metavarOf(flag: Flag): string {
  if (/\b(an integer|a number)\b/.test(flag.rule) && !/\bstring\b/.test(flag.rule)) return 'N';
  return flag.name.endsWith('-id') ? 'ID' : 'VALUE';
}

function columns(rows: readonly (readonly string[])[], indent: string): string {
  const width = Math.max(0, ...rows.map((row) => (row[0] ?? '').length));
  return rows.map((row) => `${indent}${(row[0] ?? '').padEnd(width)}  ${row[1] ?? ''}`.trimEnd()).join('\n');
}

/** The `--from` section of a write command's help: its columns, from its path parameters and flags. */
function bulkHelp(command: Command): string {
  const columnNames = [...command.positionals.map((p) => p.name), ...command.flags.map((flag) => flag.name.replace(/-/g, '_'))];
  // Either spelling is read; say so only where the two differ.
  const spelled = columnNames.find((name) => name.includes('_'));
  const either = spelled ? ` (or as the flags spell them: ${spelled.replace(/_/g, '-')} for ${spelled})` : '';
  return `Many rows: --from FILE runs the command once per row of a .csv or .jsonl file; flags given
too apply to every row. Every row is checked first: bad rows are listed by line and nothing is
sent. Results go to stdout as CSV (--json: JSON lines), in row order.
Column${columnNames.length === 1 ? '' : 's'}: ${columnNames.join(', ')}${either}.
  --from FILE        the rows (.csv with a header line, or .jsonl)
  --journal FILE     each row's outcome, for a rerun to skip what was done (default FILE.journal)
  --no-journal       keep no journal
  --concurrency N    calls at once, 1 to 256 (default ${DEFAULT_CONCURRENCY_LIMITED}, ${DEFAULT_CONCURRENCY} with --rate-limit off)
  --rate-limit adaptive|off   learn the rate the API allows (the default), or do not pace
  --redis URL        share the learnt rate with other processes through Redis`;
}
