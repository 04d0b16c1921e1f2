// The spec's changes against the released baseline, as `npm run check:breaking` and `npm run
// release` both read them: `redocly diff` (rules of spec-baseline/redocly.yaml) run once with
// its JSON report, each change given a name (its id), the breaking ones matched with the
// acknowledgments of spec-baseline/breaking-changes.yaml, and the semver bump they call for.
//
// Both sides are compared bundled, so that moving a component between files is no change.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { bundleSpec, redocly } from './redocly.mjs';

/** Where the acknowledged breaking changes are kept (relative to the repository root). */
export const ACKNOWLEDGMENTS = 'spec-baseline/breaking-changes.yaml';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/**
 * Runs `redocly diff` of `revision` (bundled first) against `base` and resolves to its JSON
 * report, each change with `id`, `where` (operation or part of the document), `pointer` (within
 * it, as redocly's stylish output prints it) and `source` (the file under openapi/ and line).
 */
export async function diffSpecs({ base, revision, config = 'spec-baseline/redocly.yaml' }) {
  const dir = await mkdtemp(join(tmpdir(), 'partnero-breaking-'));
  try {
    const bundled = join(dir, `revision${extname(revision) || '.yaml'}`);
    await bundleSpec(resolve(revision), bundled);
    const report = join(dir, 'diff.json');
    const { code, output } = await redocly(['diff', resolve(base), bundled, '--config', config, '--format', 'json', '-o', report, '--fail-on', 'none']);
    if (code !== 0) throw new Error(`redocly diff failed with exit code ${code}:\n${output}`);
    const diff = JSON.parse(await readFile(report, 'utf8'));
    // Both sides as plain objects, for what the report names only by pointer (a parameter's name).
    diff.specs = { base: parseYaml(await readFile(resolve(base), 'utf8')), revision: parseYaml(await readFile(bundled, 'utf8')) };
    for (const change of diff.changes) {
      // A removed change is only in the baseline: its line there (a committed, bundled file).
      const source = change.kind === 'removed' ? (change.base?.line ? `${base}:${change.base.line}` : base) : sourceOf(revision, change);
      Object.assign(change, nameOf(change), { source });
    }
    return diff;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The segments of a JSON pointer (`#/a/b~1c` → ['a', 'b/c']). */
export function segmentsOf(pointer) {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A change's name: `<kind> <where> <pointer>[ · <property>]`, where is `METHOD /path` for a
 * change inside an operation (the pointer then within it, as redocly's stylish output prints
 * it), the path for one of a path item, and nothing for the rest of the document.
 */
function nameOf(change) {
  const segments = segmentsOf(change.path);
  let where = '';
  let rest = segments;
  if (segments[0] === 'paths' && segments[1]) {
    if (segments[2] && METHODS.has(segments[2])) {
      where = `${segments[2].toUpperCase()} ${segments[1]}`;
      rest = segments.slice(3);
    } else {
      where = segments[1];
      rest = segments.slice(2);
    }
  }
  const pointer = rest.join('/') + (change.property ? ` · ${change.property}` : '');
  return { where, pointer, id: [change.kind, where, pointer].filter(Boolean).join(' ') };
}

/** Reads the acknowledgments file: its entries, or the problems that make it unusable (each naming the entry and field). */
export function readAcknowledgments(file = ACKNOWLEDGMENTS) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return { entries: [], problems: [] };
    throw error;
  }
  let document;
  try {
    document = parseYaml(text) ?? {};
  } catch (error) {
    return { entries: [], problems: [`${file} is not valid YAML: ${error.message.split('\n')[0]}`] };
  }
  const list = document.acknowledged ?? [];
  if (!Array.isArray(list)) return { entries: [], problems: [`${file}: acknowledged must be a list of {change, reason}, got ${typeof list}`] };
  const entries = [];
  const problems = [];
  list.forEach((entry, index) => {
    const at = `${file}: acknowledged[${index}]`;
    if (!entry || typeof entry !== 'object') return problems.push(`${at} must be a mapping with change and reason`);
    const { change, reason } = entry;
    if (typeof change !== 'string' || !change.trim()) return problems.push(`${at}.change must be a change's name as check:breaking prints it`);
    if (typeof reason !== 'string' || !reason.trim() || /^<.*>$/s.test(reason.trim())) {
      return problems.push(`${at}.reason must say why the break is meant (who it affects and what they do), got ${JSON.stringify(reason ?? null)} for ${JSON.stringify(change)}`);
    }
    entries.push({ change: change.trim(), reason: reason.trim().replace(/\s+/g, ' ') });
  });
  return { entries, problems };
}

/**
 * The breaking changes of a diff sorted by the acknowledgments: `acknowledged` (each change with
 * its reason), `unacknowledged`, and `stale` (entries that name no breaking change).
 */
export function matchAcknowledgments(diff, entries) {
  const breaking = diff.changes.filter((change) => change.impact === 'major');
  const reasons = new Map(entries.map((entry) => [entry.change, entry.reason]));
  const ids = new Set(breaking.map((change) => change.id));
  return {
    acknowledged: breaking.filter((change) => reasons.has(change.id)).map((change) => ({ change, reason: reasons.get(change.id) })),
    unacknowledged: breaking.filter((change) => !reasons.has(change.id)),
    stale: entries.filter((entry) => !ids.has(entry.change)),
  };
}

/** The YAML lines that acknowledge `changes`, ready to paste under `acknowledged:`. */
export function acknowledgmentLines(changes) {
  return changes.map((change) => `  - change: ${JSON.stringify(change.id)}\n    reason: "<why this break is meant, who it affects and what they do>"`).join('\n');
}

/** The rating of a diff: 'major', 'minor', 'patch', or 'none' when nothing changed. */
export function ratingOf(diff) {
  for (const impact of ['major', 'minor', 'patch']) if (diff.changes.some((change) => change.impact === impact)) return impact;
  return 'none';
}

/**
 * The version after `released` for a change rated `rating`, by semver: the first number that is
 * not 0 is the breaking one (1.2.3: major → 2.0.0, minor → 1.3.0, patch → 1.2.4; under 0.x, as
 * npm's ^ reads it, 0.2.3: major → 0.3.0, minor and patch → 0.2.4; 0.0.3: anything → 0.0.4).
 * Undefined when nothing changed.
 */
export function nextVersion(released, rating) {
  const numbers = /^(\d+)\.(\d+)\.(\d+)$/.exec(released)?.slice(1, 4).map(Number);
  if (!numbers) throw new Error(`the released version must be MAJOR.MINOR.PATCH, got ${JSON.stringify(released)}`);
  if (rating === 'none') return undefined;
  const breaking = numbers[0] > 0 ? 0 : numbers[1] > 0 ? 1 : 2;
  const at = rating === 'major' ? breaking : rating === 'minor' ? Math.min(breaking + 1, 2) : 2;
  return numbers.map((n, i) => (i < at ? n : i === at ? n + 1 : 0)).join('.');
}

/** A change as the listing shows it: `  ✖ major  modified  pointer`, its verdicts, and where it is. */
export function formatChange(change) {
  const mark = { major: '✖', minor: '✔', patch: '·' }[change.impact] ?? ' ';
  const lines = [`  ${mark} ${change.impact.padEnd(5)}  ${change.kind.padEnd(8)}  ${change.pointer || '(the whole)'}`];
  for (const verdict of change.verdicts ?? []) lines.push(`      ${verdict.message} (${verdict.ruleId})`);
  if (change.source) lines.push(`      at ${change.source}`);
  return lines.join('\n');
}

/** Changes listed as redocly's stylish output does: grouped under their operation (or part of the document). */
export function formatChanges(changes) {
  const groups = new Map();
  for (const change of changes) {
    const key = change.where || 'the rest of the document';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(change);
  }
  return [...groups].map(([where, list]) => `${where}\n${list.map(formatChange).join('\n')}\n`).join('\n');
}

/** The file under openapi/ (with the line, when found) that holds a change, following $refs from the root. */
function sourceOf(rootFile, change) {
  try {
    let file = resolve(rootFile);
    let document = parseYaml(readFileSync(file, 'utf8'));
    let node = document;
    let keys = [];
    const follow = () => {
      for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops += 1) {
        const [target, fragment = ''] = node.$ref.split('#');
        if (target) {
          file = resolve(dirname(file), target);
          document = parseYaml(readFileSync(file, 'utf8'));
        }
        keys = segmentsOf(fragment);
        node = keys.reduce((value, token) => value?.[token], document);
      }
    };
    const segments = [...segmentsOf(change.path), ...(change.property ? [change.property] : [])];
    for (const segment of segments) {
      follow();
      if (!node || typeof node !== 'object' || !(segment in node)) break;
      node = node[segment];
      keys.push(segment);
    }
    follow();
    const line = lineOf(readFileSync(file, 'utf8'), keys);
    return `${relative(process.cwd(), file)}${line ? `:${line}` : ''}`;
  } catch {
    return undefined;
  }
}

/** The line of the last of `keys` in a YAML text, each looked for after the one before (array indices skipped). */
function lineOf(text, keys) {
  const lines = text.split('\n');
  let at = -1;
  for (const key of keys) {
    if (/^\d+$/.test(key)) continue;
    const pattern = new RegExp(`^\\s*(?:- )?(?:${escapeRegExp(key)}|'${escapeRegExp(key)}'|"${escapeRegExp(key)}"):`);
    const found = lines.findIndex((candidate, index) => index > at && pattern.test(candidate));
    if (found < 0) break;
    at = found;
  }
  return at >= 0 ? at + 1 : undefined;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
