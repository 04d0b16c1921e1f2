// A CHANGELOG.md entry written from the spec's diff against the released baseline (the report of
// scripts/lib/spec-diff.mjs): the breaking changes with the reasons they were acknowledged with,
// then what was added, changed and removed (operations, parameters, request and response
// fields, responses), each line naming the operations it concerns, and one line counting the
// changes that touch only words (descriptions, examples, x-partnero-* annotations).
import { segmentsOf } from './spec-diff.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const WORDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs']);

/** Whether a change touches only words: descriptions, examples, vendor annotations. */
export function isWordsOnly(change) {
  const segments = [...segmentsOf(change.path), ...(change.property ? [change.property] : [])];
  return change.typeName === 'Example' || change.typeName === 'SpecExtension' || segments.some((s) => WORDS.has(s) || s.startsWith('x-'));
}

/** What a change is about, in words: "response 408", "request field `key`: `maxLength`", "parameter `limit`". */
export function subjectOf(change, specs) {
  const segments = segmentsOf(change.path);
  const keyword = (rest) => {
    const words = [...rest, ...(change.property ? [change.property] : [])];
    return words.length ? `: \`${words.join('/')}\`` : '';
  };
  if (segments[0] === 'components') return `component \`${segments.slice(1).join('/')}\`${keyword(segments.slice(3))}`;
  if (segments[0] !== 'paths') return `\`${segments.join('/')}\`${keyword([])}`;
  const within = METHODS.includes(segments[2] ?? '') ? segments.slice(3) : segments.slice(2);
  if (within.length === 0 && !change.property) return METHODS.includes(segments[2] ?? '') ? 'the operation' : 'the path';
  const [first, second] = within;
  if (first === 'responses' && second) {
    const schema = within.indexOf('schema');
    if (schema < 0) return `response ${second}${keyword(within.slice(2))}`;
    return `${field(within.slice(schema + 1), 'field', keyword)} of response ${second}`;
  }
  if (first === 'requestBody') {
    const schema = within.indexOf('schema');
    if (schema < 0) return `the request body${keyword(within.slice(1))}`;
    return field(within.slice(schema + 1), 'request field', keyword, 'the request body');
  }
  if (first === 'parameters' && second !== undefined) {
    const side = change.kind === 'removed' ? specs?.base : specs?.revision;
    const parameter = resolveRef(side, [...segments.slice(0, segments.indexOf('parameters') + 2)].reduce((node, key) => resolveRef(side, node?.[key]), side));
    const name = parameter?.name ? `parameter \`${parameter.name}\`` : `parameter ${Number(second) + 1}`;
    const schema = within.indexOf('schema');
    return schema < 0 ? `${name}${keyword(within.slice(2))}` : `${name}${keyword(within.slice(schema + 1))}`;
  }
  return `\`${within.join('/')}\`${keyword([])}`;
}

/** A schema's field from its pointer (`properties/data/items/properties/url` → `data[].url`), and what of it changed. */
function field(rest, label, keyword, whole = 'the body') {
  let name = '';
  let i = 0;
  for (; i < rest.length; i += 1) {
    if (rest[i] === 'properties' && rest[i + 1] !== undefined) {
      name += `${name ? '.' : ''}${rest[i + 1]}`;
      i += 1;
    } else if (rest[i] === 'items') name += '[]';
    else break;
  }
  return `${name ? `${label} \`${name}\`` : whole}${keyword(rest.slice(i))}`;
}

function resolveRef(spec, node) {
  for (let hops = 0; node && typeof node.$ref === 'string' && node.$ref.startsWith('#') && hops < 20; hops += 1) {
    node = segmentsOf(node.$ref).reduce((value, key) => value?.[key], spec);
  }
  return node;
}

/** An operation or path added or removed as a whole, named with its operations; undefined for a change inside one. */
function wholeOf(change, segments, specs) {
  if (segments[0] !== 'paths' || change.property) return undefined;
  if (segments.length === 3 && METHODS.includes(segments[2])) return `operation \`${change.where}\``;
  if (segments.length !== 2) return undefined;
  const item = (change.kind === 'removed' ? specs?.base : specs?.revision)?.paths?.[segments[1]] ?? {};
  const operations = METHODS.filter((method) => item[method]).map((method) => `\`${method.toUpperCase()} ${segments[1]}\``);
  return operations.length ? `operation${operations.length > 1 ? 's' : ''} ${operations.join(', ')}` : `path \`${segments[1]}\``;
}

/** The operations of a spec, as `METHOD /path`. */
function operationsOf(spec) {
  return Object.entries(spec?.paths ?? {}).flatMap(([path, item]) => METHODS.filter((m) => item?.[m]).map((m) => `${m.toUpperCase()} ${path}`));
}

/** Where a group of changes is: "on every operation (12)", or the operations by name. */
function wherePhrase(wheres, every) {
  if (wheres.length === 0) return '';
  if (every.length > 1 && wheres.length === every.length && every.every((op) => wheres.includes(op))) return `on every operation (${every.length})`;
  return wheres.map((where) => `\`${where}\``).join(', ');
}

/**
 * The entry for `version`: `diff` from diffSpecs, `acknowledged` the breaking changes with their
 * reasons (matchAcknowledgments), `date` as YYYY-MM-DD.
 */
export function changelogEntry({ version, date, diff, acknowledged }) {
  const every = operationsOf(diff.specs?.revision);
  const { major, minor, patch } = diff.summary;
  const lines = [`## ${version} (${date})`, ''];
  lines.push(`The spec against ${diff.infoVersions.base}, as \`redocly diff\` rates its changes: ${major} breaking, ${minor} minor, ${patch} patch.`);

  // Breaking: the same change with the same reason is one line, naming every operation it hits.
  const breaking = new Map();
  for (const { change, reason } of acknowledged) {
    const what = (change.verdicts ?? []).map((v) => v.message).join(' ') || `${change.kind} ${subjectOf(change, diff.specs)}.`;
    const key = `${what}\n${reason}`;
    if (!breaking.has(key)) breaking.set(key, { what, reason, wheres: [] });
    if (change.where) breaking.get(key).wheres.push(change.where);
  }
  if (breaking.size) {
    lines.push('', '### Breaking', '');
    for (const { what, reason, wheres } of breaking.values()) {
      const where = wherePhrase(wheres, every);
      lines.push(`- ${where ? `${where}: ` : ''}${what} ${reason}`);
    }
  }

  // Added, changed, removed: one line per set of operations, listing what it got.
  const sections = { added: new Map(), modified: new Map(), removed: new Map() };
  const components = { added: [], modified: [], removed: [] };
  let words = 0;
  for (const change of diff.changes) {
    if (change.impact === 'major' || !(change.kind in sections)) continue;
    if (segmentsOf(change.path)[0] === 'info') continue; // The version and title: the entry's heading says them.
    if (isWordsOnly(change)) {
      words += 1;
      continue;
    }
    const segments = segmentsOf(change.path);
    if (segments[0] === 'components') {
      components[change.kind].push(`\`${segments.slice(1).join('/')}\``);
      continue;
    }
    const subject = wholeOf(change, segments, diff.specs) ?? subjectOf(change, diff.specs);
    const whole = /^(operation|path) /.test(subject);
    const byWhat = sections[change.kind];
    if (!byWhat.has(subject)) byWhat.set(subject, []);
    if (!whole && change.where) byWhat.get(subject).push(change.where);
  }
  const headings = { added: 'Added', modified: 'Changed', removed: 'Removed' };
  for (const kind of ['added', 'modified', 'removed']) {
    // Subjects that concern the same operations share a line.
    const byWheres = new Map();
    for (const [subject, wheres] of sections[kind]) {
      const key = [...new Set(wheres)].sort().join('\n');
      if (!byWheres.has(key)) byWheres.set(key, []);
      byWheres.get(key).push(subject);
    }
    const items = [...byWheres].map(([key, subjects]) => {
      const where = wherePhrase(key ? key.split('\n') : [], every);
      const line = `${where ? `${where}: ` : ''}${subjects.join(', ')}.`;
      return `- ${line[0].toUpperCase()}${line.slice(1)}`;
    });
    if (components[kind].length) items.push(`- Components: ${components[kind].join(', ')}.`);
    if (items.length) lines.push('', `### ${headings[kind]}`, '', ...items);
  }
  if (words) {
    lines.push('', '### Documentation', '', `- ${words} changes to descriptions, examples and \`x-partnero-*\` annotations only.`);
  }
  return `${lines.join('\n')}\n`;
}
