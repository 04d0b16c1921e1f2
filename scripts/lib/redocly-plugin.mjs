// House lint rules that Redocly's configurable rules cannot say, loaded by redocly.yaml's
// `plugins` (by Redocly CLI for `npm run lint:spec`, and by openapi-typescript and the generator,
// which read the same redocly.yaml).
//
// partnero/inferred-claims: every **[inferred]** mark in an object's `description` or `summary`
// has one entry in the object's `x-partnero-inferred` list, and every entry has a mark:
//
//   description: Keys are unique across the program **[inferred]**.
//   x-partnero-inferred:
//     - claim: Keys are unique across the program, not only per owner.
//       check: optional name of the contract check that settles it
//
// so that tools (the contract tool) can read what the spec assumes without parsing prose.

/** The mark, as the spec writes it. */
export const INFERRED_MARK = '**[inferred]**';
/** The extension that lists what each mark assumes. */
export const INFERRED_KEY = 'x-partnero-inferred';

/** How many marks a text holds. */
export function countMarks(text) {
  return typeof text === 'string' ? text.split(INFERRED_MARK).length - 1 : 0;
}

/** What is wrong with an object's marks and entries, as messages (none when they agree). */
export function inferredProblems(node) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const marks = countMarks(node.description) + countMarks(node.summary);
  const entries = node[INFERRED_KEY];
  if (entries === undefined) {
    return marks ? [`${marks} **[inferred]** mark(s) in description/summary but no ${INFERRED_KEY}: add one entry ({ claim }) per mark`] : [];
  }
  if (!Array.isArray(entries)) return [`${INFERRED_KEY} must be a list of { claim, check? }`];
  const problems = [];
  entries.forEach((entry, index) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) problems.push(`${INFERRED_KEY}[${index}] must be an object { claim, check? }`);
    else {
      if (typeof entry.claim !== 'string' || entry.claim.trim() === '') problems.push(`${INFERRED_KEY}[${index}].claim must be a non-empty sentence`);
      if (entry.check !== undefined && (typeof entry.check !== 'string' || entry.check.trim() === '')) {
        problems.push(`${INFERRED_KEY}[${index}].check must be the name of a contract check`);
      }
      const unknown = Object.keys(entry).filter((key) => key !== 'claim' && key !== 'check');
      if (unknown.length) problems.push(`${INFERRED_KEY}[${index}] has unknown field(s) ${unknown.join(', ')}: only claim and check`);
    }
  });
  if (entries.length !== marks) {
    problems.push(`${marks} **[inferred]** mark(s) in description/summary but ${entries.length} ${INFERRED_KEY} entr${entries.length === 1 ? 'y' : 'ies'}: one entry per mark`);
  }
  return problems;
}

/** Plain objects nested in an extension's value (Redocly does not walk into extensions). */
function* nestedObjects(value, path = []) {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* nestedObjects(item, [...path, index]);
    return;
  }
  yield { node: value, path };
  for (const [key, item] of Object.entries(value)) if (key !== INFERRED_KEY) yield* nestedObjects(item, [...path, key]);
}

function InferredClaims() {
  return {
    any: {
      enter(node, ctx) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        const report = (problems, location) => {
          for (const message of problems) ctx.report({ message, location });
        };
        if (ctx.type.name === 'SpecExtension') {
          // An x-partnero-* object: check it and every object inside it.
          for (const { node: inner, path } of nestedObjects(node)) {
            report(inferredProblems(inner), path.reduce((location, key) => location.child(key), ctx.location));
          }
          return;
        }
        const problems = inferredProblems(node);
        const key = node[INFERRED_KEY] !== undefined ? INFERRED_KEY : node.description !== undefined ? 'description' : 'summary';
        report(problems, ctx.location.child(key));
      },
    },
  };
}

/** The plugin: `plugins: [./scripts/lib/redocly-plugin.mjs]`, rule `partnero/inferred-claims`. */
export default function partneroPlugin() {
  return {
    id: 'partnero',
    rules: {
      oas3: { 'inferred-claims': InferredClaims },
    },
  };
}
