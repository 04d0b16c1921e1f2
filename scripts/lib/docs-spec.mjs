// The copy of the bundled spec that the API reference shows, prepared for readers. openapi/
// keeps everything; only this copy changes:
// - every operation carries example requests generated from the spec (`x-codeSamples`: curl,
//   TypeScript, CLI);
// - source tags (`[doc D-create, V-partner]`, `[sdk S-php]`, **[inferred]**) leave the text: each
//   description ends with one short "Source" note naming where its claims come from, and saying
//   when part of it is our inference;
// - a pattern (`pattern`, a regular expression) becomes words in the description, from
//   `x-partnero-pattern` or from the rules below; the exact rule stays in openapi.json beside
//   the page (one click away, linked from the note);
// - a paragraph of an operation's description that its tag's description already says is
//   dropped, so nothing is read twice.
import { addCodeSamples, operationsOf } from './code-samples.mjs';

/** What the source ids stand for (the spec's legend: doc = Partnero's documentation, sdk = its clients). */
const SOURCE_KINDS = [
  { test: /^D-/, name: "Partnero's API documentation" },
  { test: /^V-/, name: "Partnero's developer portal" },
  { test: /^H-/, name: "Partnero's help center" },
  { test: /^S-php/, name: "Partnero's PHP SDK" },
  { test: /^S-n8n/, name: "Partnero's n8n node" },
];

/** A source tag in a description: `[doc D-create, V-partner]`, `[sdk S-php]`, `**[inferred]**`. */
const TAG = /\s*(?:\*\*\[inferred\]\*\*|\[inferred\]|\[(?:doc|sdk)\s[^\]]*\])/g;

/** Patterns of the spec with no `x-partnero-pattern`, in words. */
const PATTERN_WORDS = new Map([['^(?:[^.]|\\.[^.]|\\.\\.[\\s\\S])', 'any text but "." and ".." (those would change the URL\'s path)']]);

/** Returns the docs copy of a bundled spec (the argument is not changed). */
export function prepareDocsSpec(bundled) {
  const spec = structuredClone(bundled);
  addCodeSamples(spec);
  const tags = new Map((spec.tags ?? []).map((tag) => [tag.name, tag]));
  for (const { operation } of operationsOf(spec)) {
    const told = new Set((operation.tags ?? []).flatMap((name) => paragraphs(tags.get(name)?.description)));
    if (operation.description) {
      operation.description = operation.description
        .split(/\n\s*\n/)
        .filter((p) => !told.has(normalize(p)))
        .join('\n\n');
    }
  }
  patternsInWords(spec);
  // The overview's legend of the tags becomes one of the notes.
  if (spec.info?.description) {
    spec.info.description = spec.info.description.replace(
      /Sources are named in brackets[\s\S]*?`x-partnero-inferred`\.\s*/,
      'Each description ends with a note naming its sources; what none of them states outright is marked as inferred. ',
    );
  }
  provenanceAsNotes(spec);
  return spec;
}

/** Every `description` of the spec with its source tags moved into one "Source" note at its end. */
export function provenanceAsNotes(node) {
  if (Array.isArray(node)) for (const item of node) provenanceAsNotes(item);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') node[key] = withSourceNote(value);
      // A one-line summary (of an example) gets no note: the mark becomes a word.
      else if (key === 'summary' && typeof value === 'string') node[key] = value.replace(/\b(is|are)\s+\*\*\[inferred\]\*\*/g, '$1 inferred').replace(/\s*\*\*\[inferred\]\*\*/g, ' (inferred)').replace(TAG, '');
      else if (!key.startsWith('x-partnero-inferred')) provenanceAsNotes(value);
    }
  }
  return node;
}

/** A description without its source tags, and a one-line note naming the sources they gave. */
export function withSourceNote(text) {
  const tags = text.match(TAG) ?? [];
  if (!tags.length) return text;
  const ids = new Set();
  let inferred = false;
  for (const tag of tags) {
    if (/inferred/.test(tag)) inferred = true;
    else for (const id of tag.replace(/^\s*\[(doc|sdk)\s/, '').replace(/\]$/, '').split(/[\s,]+/)) if (/^[A-Z]-/.test(id)) ids.add(id);
  }
  const kinds = SOURCE_KINDS.filter((kind) => [...ids].some((id) => kind.test.test(id))).map((kind) => kind.name);
  const parts = [];
  if (kinds.length) parts.push(kinds.join(', '));
  if (inferred) parts.push(kinds.length ? 'part of it inferred from these (not stated by Partnero)' : 'inferred (not stated by Partnero)');
  const body = text
    // Where the tag is the sentence's word ("that the API applies them is **[inferred]**").
    .replace(/\b(is|are|was)\s+\*\*\[inferred\]\*\*/g, '$1 inferred')
    .replace(TAG, '')
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]+([.,;:)])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trimEnd();
  return `${body}\n\n*Source: ${parts.join('; ')}.*`;
}

/** Each `pattern` of the spec: its words added to the description, the regex itself left out of the copy. */
export function patternsInWords(node) {
  if (Array.isArray(node)) for (const item of node) patternsInWords(item);
  else if (node && typeof node === 'object') {
    // A parameter's words go in its own description (the one the reference shows).
    const schema = typeof node.in === 'string' && typeof node.schema?.pattern === 'string' ? node.schema : typeof node.pattern === 'string' ? node : undefined;
    if (schema) {
      const words = schema['x-partnero-pattern'] ?? PATTERN_WORDS.get(schema.pattern);
      if (!words) throw new Error(`no words for the pattern ${schema.pattern}: add x-partnero-pattern to its schema`);
      const allowed = `Allowed: ${words}${lengthWords(schema)}. The exact rule is in [openapi.json](../openapi.json).`;
      node.description = node.description ? `${node.description.trimEnd()}\n\n${allowed}` : allowed;
      delete schema.pattern;
    }
    for (const value of Object.values(node)) patternsInWords(value);
  }
  return node;
}

function lengthWords(schema) {
  const { minLength: min, maxLength: max } = schema;
  if (min !== undefined && max !== undefined) return `, ${min} to ${max} characters`;
  if (max !== undefined) return `, at most ${max} characters`;
  return '';
}

/** The paragraphs of a Markdown text, each with its lines joined (for comparison). */
export function paragraphs(text) {
  return (text ?? '').split(/\n\s*\n/).map(normalize).filter(Boolean);
}

function normalize(paragraph) {
  return paragraph.trim().replace(/\s*\n\s*/g, ' ');
}
