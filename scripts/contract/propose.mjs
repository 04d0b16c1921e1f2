// `--propose FILE` and `--apply` (issue 27): a run's verdicts on the spec's inferences as edits
// of openapi/, one unified diff per verdict (each preceded by the claim, the evidence and what
// changed, as commentary `git apply` skips), made through the `yaml` package's Document API so
// that the files keep their comments, order and quoting (a file is never re-dumped).
//
// Only what the spec infers moves: a contradicted x-partnero-inferred entry is removed, its
// **[inferred]** mark becomes the observation (date and server origin, never the key), and the
// rule the server did not apply is dropped from the schema (a bound, a length, a pattern). A
// confirmed one becomes an observation with --confirmations. Never patched: a finding against
// a documented claim, and anything a data-guarding check found (key uniqueness, use after free,
// pagination, ignored auth, a server error): those are the server departing from its own
// documentation, listed with their evidence.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The checks that guard data: what they find is never patched away. */
export const DATA_GUARDING = ['key_uniqueness', 'use_after_free', 'pagination', 'ignored_auth', 'not_a_server_error'];
const MARK = '**[inferred]**';
const INFERRED = 'x-partnero-inferred';
/** toString options under which every file of openapi/ comes back byte for byte (tested). */
export const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false };

/**
 * What becomes of each verdict: `proposals` (inferred claims the tool can edit), `departures`
 * (never patched: data-guarding verdicts and findings no proposal covers), `left` (inferred
 * claims contradicted that the tool has no edit for, such as a workflow's).
 */
export function sortVerdicts(inferences, findings, { confirmations = false } = {}) {
  const proposals = [];
  const departures = [];
  const left = [];
  for (const v of inferences) {
    const guarding = DATA_GUARDING.includes(v.by ?? v.check);
    if (v.verdict === 'contradicted') {
      if (guarding) departures.push({ kind: 'inference', claim: v.claim, check: v.by ?? v.check, evidence: v.evidence, file: v.file });
      else if (v.pointer?.startsWith('#/')) proposals.push(v);
      else left.push(v);
    } else if (v.verdict === 'confirmed' && confirmations && v.pointer?.startsWith('#/')) proposals.push(v);
  }
  const covered = (f) => proposals.some((p) => p.verdict === 'contradicted' && (f.pointers ?? []).includes(p.changedAt ?? p.pointer) && f.check === (p.by ?? p.check));
  for (const f of findings) if (!covered(f)) departures.push({ kind: 'finding', check: f.check, claim: f.expected, evidence: `${f.request}${f.label ? ` [${f.label}]` : ''}: expected ${f.expected}, came ${f.came}` });
  return { proposals, departures, left };
}

/** A JSON pointer's tokens, unescaped. */
const tokensOf = (pointer) => pointer.replace(/^#\/?/, '').split('/').filter((t) => t !== '').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

const claimOf = (item) => (isScalar(item) ? item.value : isMap(item) ? item.get('claim') : undefined);

/** The map in `doc` that holds the inference `claim`: at the pointer's place in the file if it is there, else the first map holding it. */
function locate(doc, pointer, claim) {
  const tokens = tokensOf(pointer);
  const holds = (node) => isMap(node) && isSeq(node.get(INFERRED, true)) && node.get(INFERRED, true).items.some((item) => claimOf(item) === claim);
  for (const skip of [3, 2]) {
    const path = tokens.slice(skip);
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    if (holds(node)) return { node, path };
  }
  let found;
  const visit = (node, path) => {
    if (found) return;
    if (holds(node)) found = { node, path };
    else if (isMap(node)) for (const pair of node.items) visit(pair.value, [...path, isScalar(pair.key) ? pair.key.value : pair.key]);
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(doc.contents, []);
  return found;
}

/** Words wrapped at `width` (the spec's descriptions are wrapped near 96 columns). */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The `index`-th **[inferred]** mark of a map's description (then summary) replaced by `by`; whether one was. */
function replaceMark(node, index, by) {
  let seen = 0;
  for (const field of ['description', 'summary']) {
    const scalar = node.get(field, true);
    if (!isScalar(scalar) || typeof scalar.value !== 'string') continue;
    const parts = scalar.value.split(MARK);
    const here = parts.length - 1;
    if (index < seen + here) {
      const at = index - seen;
      scalar.value = parts.slice(0, at + 1).join(MARK) + by + parts.slice(at + 1).join(MARK);
      return true;
    }
    seen += here;
  }
  return false;
}

/** Appends a paragraph to a map's description, in the description's own style. */
function appendParagraph(node, text) {
  const scalar = node.get('description', true);
  if (!isScalar(scalar) || typeof scalar.value !== 'string') return;
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  if (!block) scalar.type = 'BLOCK_LITERAL';
  scalar.value = `${scalar.value.trimEnd()}\n\n${wrap(text, 92)}\n`;
}

/** The pair of `key` in a map (for its comment). */
const pairOf = (node, key) => (isMap(node) ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === key) : undefined);

/**
 * The edits of every proposal, one diff per verdict. `specPath` is the spec's root file; paths
 * in the diff are relative to the folder above the spec's folder (the project, for
 * openapi/openapi.yaml), as `git apply` in that folder wants them.
 * @returns {Promise<{ diff: string, files: Map<string, { before: string, after: string }>, hunks: { claim: string, file: string, changed: string[] }[] }>}
 */
export async function propose({ proposals, specPath, origin, date, redact = (text) => text, root }) {
  const project = dirname(dirname(resolve(root, specPath)));
  const texts = new Map(); // absolute file -> current text
  const originals = new Map();
  const sections = [];
  const hunks = [];
  for (const v of proposals) {
    const file = resolve(root, v.file);
    if (!texts.has(file)) {
      const text = await readFile(file, 'utf8');
      texts.set(file, text);
      originals.set(file, text);
    }
    const before = texts.get(file);
    const doc = parseDocument(before, { keepSourceTokens: true });
    const place = locate(doc, v.pointer, v.claim);
    if (!place) continue;
    const { node } = place;
    const seq = node.get(INFERRED, true);
    const index = seq.items.findIndex((item) => claimOf(item) === v.claim);
    seq.items.splice(index, 1);
    if (!seq.items.length) node.delete(INFERRED);
    const contradicted = v.verdict === 'contradicted';
    // One line (a server's message may hold line breaks, which could read as diff lines).
    const evidence = redact(v.evidence).replace(/\s+/g, ' ');
    const changed = [];
    replaceMark(node, index, contradicted ? `(not so: observed ${date} at ${origin}, see below)` : `(observed ${date} at ${origin})`);
    changed.push(`the ${INFERRED} entry removed`, 'its **[inferred]** mark replaced by the observation');
    // The schema rules the server did not apply, dropped (each change names the schema it sits on).
    for (const change of contradicted ? (v.changes ?? []) : []) {
      const target = locateSchema(doc, change.at, place, v.pointer);
      if (!target) continue;
      for (const keyword of change.drop) {
        if (target.has(keyword)) {
          target.delete(keyword);
          changed.push(`${keyword} dropped (${change.why})`);
        }
      }
    }
    if (contradicted) appendParagraph(node, `Observed on ${date} against ${origin} by \`npm run contract\`: ${sentence(evidence)} ${changed.some((c) => / dropped /.test(c)) ? `So the rule the server does not apply is gone: ${changed.filter((c) => / dropped /.test(c)).map((c) => c.replace(/ \(.*$/, '')).join(', ')}.` : 'The claim is no longer marked as inferred.'}`);
    const comment = pairOf(node, 'description') ?? node.items[0];
    if (comment && isScalar(comment.key)) {
      const line = ` npm run contract, ${date}, ${origin}: ${contradicted ? 'contradicted' : 'confirmed'}: ${v.claim}`;
      comment.key.commentBefore = comment.key.commentBefore ? `${comment.key.commentBefore}\n${line}` : line;
    }
    const after = doc.toString(YAML_OUTPUT);
    if (after === before) continue;
    texts.set(file, after);
    const shown = relative(project, file).split('\\').join('/');
    const head = [
      `verdict: ${contradicted ? 'contradicted' : 'confirmed'} inferred claim (${v.by ?? v.check ?? 'any check'})`,
      `  claim:    ${v.claim}`,
      `  evidence: ${evidence}`,
      `  changed:  ${changed.join('; ')}`,
      `  where:    ${shown} at ${v.pointer}`,
    ].join('\n');
    const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, '', '', { context: 3 }).replace(/^=+\n/m, '');
    sections.push(`${head}\n\n${patch.replace(/^Index: .*\n/, '')}`);
    hunks.push({ claim: v.claim, file: shown, changed });
  }
  const files = new Map([...texts].filter(([file, text]) => text !== originals.get(file)).map(([file, text]) => [file, { before: originals.get(file), after: text }]));
  return { diff: sections.length ? `${sections.join('\n')}` : '', files, hunks };
}

/** Writes the proposals into the files. */
export async function apply(files) {
  for (const [file, { after }] of files) await writeFile(file, after);
}

/** The schema node a change is about: the same place as the inference's, or below it (`/schema` of a parameter). */
function locateSchema(doc, at, place, inferencePointer) {
  if (!at) return place.node;
  if (at === inferencePointer) return place.node;
  if (at.startsWith(`${inferencePointer}/`)) {
    const node = doc.getIn([...place.path, ...tokensOf(at.slice(inferencePointer.length))], true);
    return isMap(node) ? node : undefined;
  }
  return undefined;
}

const sentence = (text) => {
  const t = String(text).trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};
