// Errors of the client, said in the command's own words: the flag or argument that caused them
// (as typed), and the command instead of the operation's ID or the client's option names.
import { describeValue, type InvalidOptionError, type InvalidParameterError, type PartneroError } from '../errors.js';
import { operationTable } from '../resources.js';
import type { Invocation } from './args.js';
import { kebab, type Flag } from './commands.js';
import { escapeUnsafe } from './output.js';

/** What the user typed, as a message echoes it: numbers as they are, anything else quoted. */
export function shown(text: string): string {
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? text : escapeUnsafe(JSON.stringify(text));
}

/** An InvalidParameterError of the command's own operation, naming the argument or flag. */
export function describeInvalidParameter(error: InvalidParameterError, invocation: Invocation): string {
  const { command, typed } = invocation;
  const { parameter, allowed, value } = error;
  const name = `${command.resource} ${command.method}`;
  const rule = command.row.parameters[parameter];
  if (rule?.in === 'path') {
    const index = command.positionals.findIndex((positional) => positional.name === parameter);
    const positional = command.positionals[index];
    if (positional) return `the ${positional.label} must be ${allowed}, got ${shown(invocation.positionals[index] ?? '')}`;
  }
  if (rule?.in === 'query') {
    const flag = command.flags.find((f) => f.target.in === 'query' && f.target.name === parameter);
    const text = flag && typed.get(flag.name);
    if (flag && text !== undefined) return `--${flag.name} must be ${allowed}, got ${shown(text)}`;
  }
  const bodyFlags = command.flags.filter((flag) => flag.target.in === 'body');
  const list = (flags: readonly Flag[]): string => flags.map((flag) => `--${flag.name}`).join(', ');
  if (command.body && parameter === 'body') {
    return value === undefined
      ? `${name} needs a body: give its fields as flags (${list(bodyFlags)}) or all of it with --json '{...}'`
      : `--json must be ${allowed}, got ${describeValue(value)}`;
  }
  if (command.body) {
    // `partner.email`, `items[0].id` → ['partner', 'email'], ['items', '0', 'id']
    const tokens = parameter.split(/\.|\[(\d+)\]/).filter((token) => token !== undefined && token !== '');
    const pointer = tokens.join('/');
    const flag = bodyFlags.find((f) => f.target.in === 'body' && f.target.pointer.join('/') === pointer);
    const text = flag && typed.get(flag.name);
    if (flag && text !== undefined) return `--${flag.name} must be ${allowed}, got ${shown(text)}`;
    if (value !== undefined) return `${invocation.bodyJson !== undefined ? '--json: ' : ''}${parameter} must be ${allowed}, got ${describeValue(value)}`;
    if (flag) return `--${flag.name} is missing: it must be ${allowed}`;
    const inside = bodyFlags.filter((f) => f.target.in === 'body' && f.target.pointer.join('/').startsWith(`${pointer}/`));
    return `${parameter} is missing: it must be ${allowed}${inside.length ? `; give ${list(inside)}` : ''}`;
  }
  return `${parameter} must be ${allowed}, got ${describeValue(value)}`;
}

/** An InvalidOptionError of the client, naming the flag or environment variable that gave the option. */
export function describeInvalidOption(error: InvalidOptionError, invocation: Invocation): string {
  const { option } = error;
  const marker = `: ${option} `;
  const at = error.message.indexOf(marker);
  let detail = at >= 0 ? error.message.slice(at + marker.length) : error.message;
  // The command has no way around the https rule, and the client's option names mean nothing here.
  detail = detail.replace(/,? (or )?set allowInsecureHttp: true/, '').replace(/\ballowInsecureHttp\b/g, 'plain http');
  const source =
    option === 'baseUrl' ? (invocation.baseUrl !== undefined ? '--base-url' : 'PARTNERO_BASE_URL') : option === 'apiKey' ? 'PARTNERO_API_KEY' : option;
  return `${source} ${detail}`;
}

/** Any other error of the client: its message, with the operation's ID replaced by the command. */
export function describeFailure(error: PartneroError): string {
  const match = /^([A-Za-z][\w]*): /.exec(error.message);
  const row = match ? operationTable[match[1]!] : undefined;
  return row && match ? `${kebab(row.resource)} ${kebab(row.name)}: ${error.message.slice(match[0].length)}` : error.message;
}
