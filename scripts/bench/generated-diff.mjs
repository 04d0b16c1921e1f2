#!/usr/bin/env node
// Figure 7: how many lines of src/generated/ change when one optional field is added to
// ReferralLink (issue 8: at most 20). In a temporary folder it copies what generation reads
// (openapi/, scripts/generate.mjs and scripts/lib/, redocly.yaml, package.json, tsconfig.json, src/), links
// node_modules, regenerates once as committed and once with the added field, and counts the
// lines `git diff --no-index --numstat` reports between the two src/generated/ folders.
// Both sides are generated in the copy, so uncommitted edits in the repository's own
// src/generated/ do not count. Run alone: `node scripts/bench/generated-diff.mjs` (prints the
// per-file numstat and the total).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row } from './stats.mjs';

const SCHEMA = 'openapi/components/schemas/ReferralLink.yaml';
const FIELD = 'bench_added_note';

/**
 * The ReferralLink schema text with one optional string property added to its `properties`:
 * `first` before the others (the worst case for code that numbers what it generates in order),
 * otherwise after the last one (where a keeper usually adds a field).
 */
export function withOptionalField(text, where) {
  const match = /^( *)properties:\n(?=( +)\S)/m.exec(text);
  if (!match) throw new Error(`${SCHEMA}: no properties: block found`);
  const indent = match[2];
  const inner = `${indent}${indent.slice(match[1].length)}`;
  // As the house lint rules want a field: typed, described, with an example.
  const added = `${indent}${FIELD}:\n${inner}type: string\n${inner}description: An optional field added by the bench.\n${inner}examples:\n${inner}  - a note\n`;
  let at = match.index + match[0].length;
  if (where === 'last') {
    // The properties block ends at the first following line indented no deeper than `properties:`.
    const lines = text.slice(at).split('\n');
    let offset = 0;
    for (const line of lines) {
      if (line.trim() !== '' && line.length - line.trimStart().length <= match[1].length) break;
      offset += line.length + 1;
    }
    at = Math.min(at + offset, text.length);
    if (!text.slice(0, at).endsWith('\n')) return `${text}\n${added}`;
  }
  return text.slice(0, at) + added + text.slice(at);
}

function generate(dir) {
  const result = spawnSync(process.execPath, ['scripts/generate.mjs'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`generate failed in ${dir}: ${(result.stderr || result.stdout).trim().slice(-1500)}`);
}

/** Numstat lines between two folders: `[{ added, removed, file }]`. */
function numstat(before, after) {
  const diff = spawnSync('git', ['diff', '--no-index', '--numstat', before, after], { encoding: 'utf8' });
  if (diff.status !== 0 && diff.status !== 1) throw new Error(`git diff failed: ${diff.stderr}`);
  return diff.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [added, removed, file] = line.split('\t');
      return { added: Number(added), removed: Number(removed), file: file.replace(/^.*\/(?=[^/]+$)/, '').replace(/\}$/, '') };
    });
}

/**
 * For each place of the added field (`last`, `first`): `{ files: [{ added, removed, file }], total }`,
 * the lines of src/generated/ that change.
 */
export function generatedDiff(root) {
  const work = mkdtempSync(join(tmpdir(), 'partnero-generated-diff-'));
  try {
    const copy = join(work, 'repo');
    mkdirSync(join(copy, 'scripts'), { recursive: true });
    for (const name of ['openapi', 'redocly.yaml', 'package.json', 'tsconfig.json', 'src']) {
      cpSync(join(root, name), join(copy, name), { recursive: true });
    }
    cpSync(join(root, 'scripts', 'generate.mjs'), join(copy, 'scripts', 'generate.mjs'));
    cpSync(join(root, 'scripts', 'lib'), join(copy, 'scripts', 'lib'), { recursive: true }); // Its name rules, the lint plugin.
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');

    generate(copy);
    const before = join(work, 'before');
    cpSync(join(copy, 'src', 'generated'), before, { recursive: true });

    const schema = join(copy, SCHEMA);
    const original = readFileSync(schema, 'utf8');
    const results = {};
    for (const where of ['last', 'first']) {
      writeFileSync(schema, withOptionalField(original, where));
      generate(copy);
      const files = numstat(before, join(copy, 'src', 'generated'));
      results[where] = { files, total: files.reduce((sum, f) => sum + f.added + f.removed, 0) };
    }
    return results;
  } finally {
    if (process.env.KEEP_GENERATED_DIFF) console.error(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

export function generatedDiffRows(root) {
  const results = generatedDiff(root);
  const label = { last: 'after the others', first: 'before the others' };
  return Object.entries(results).map(([where, { files, total }]) =>
    row(
      `generated.addedField.${where}.lines`,
      `src/generated/ lines changed by one optional ReferralLink field, ${label[where]}`,
      'lines',
      { median: total, min: total, max: total },
      { max: 20 },
      { files },
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const [where, { files, total }] of Object.entries(generatedDiff(root))) {
    console.log(`field added ${where}:`);
    for (const f of files) console.log(`  +${f.added}\t-${f.removed}\t${f.file}`);
    console.log(`  total ${total} lines (target ≤ 20)`);
  }
}
