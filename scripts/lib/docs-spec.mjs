// The copy of the bundled spec that the docs page shows, prepared for readers:
// - every operation carries example requests generated from the spec (`x-codeSamples`);
// - operations are not grouped under tags: Redoc 3 folds a tag's operations behind "+ Show",
//   so the page would open on titles only. Each tag's description moves into the overview
//   (under the tag's name), so no text is lost;
// - a paragraph of an operation's description that its tag's description already says is
//   dropped, so nothing is read twice.
import { addCodeSamples, operationsOf } from './code-samples.mjs';

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
    delete operation.tags;
  }
  const sections = [...tags.values()].filter((tag) => tag.description).map((tag) => `## ${tag.name}\n\n${tag.description.trim()}`);
  if (sections.length) spec.info.description = [spec.info.description?.trim(), ...sections].filter(Boolean).join('\n\n');
  delete spec.tags;
  return spec;
}

/** The paragraphs of a Markdown text, each with its lines joined (for comparison). */
export function paragraphs(text) {
  return (text ?? '').split(/\n\s*\n/).map(normalize).filter(Boolean);
}

function normalize(paragraph) {
  return paragraph.trim().replace(/\s*\n\s*/g, ' ');
}
