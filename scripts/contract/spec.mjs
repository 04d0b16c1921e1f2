// The spec, bundled, as the contract tool reads it: every operation with its parameters, body,
// answers and x-partnero-* extensions, and every inference the spec marks (x-partnero-inferred)
// with the JSON pointer of the element it sits on and the file of openapi/ that holds it.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig, parseYaml } from '@redocly/openapi-core';

export { at, pointerOf, setAt } from './pointer.mjs';
import { pointerOf } from './pointer.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];


/** Loads and bundles the spec at `specPath` (relative to the repository root). */
export async function loadSpec(specPath) {
  const config = await loadConfig({ configPath: join(root, 'redocly.yaml') });
  const { bundle: document, problems } = await bundle({ ref: resolvePath(root, specPath), config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`could not bundle ${specPath}: ${errors[0].message}`);
  const doc = document.parsed;
  const resolve = (pointer) =>
    pointer
      .slice(2)
      .split('/')
      .filter((t) => t !== '')
      .reduce((value, token) => value?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  /** A node with its $refs followed, and the pointer it ended at. */
  const deref = (node, pointer) => {
    let current = node;
    let at = pointer;
    for (let i = 0; current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && i < 20; i += 1) {
      at = current.$ref;
      current = resolve(current.$ref);
    }
    return { node: current, pointer: at };
  };
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const pointer = pointerOf('paths', path, method);
      const parameters = [...(item.parameters ?? []).map((p, i) => [p, pointerOf('paths', path, 'parameters', i)]), ...(op.parameters ?? []).map((p, i) => [p, `${pointer}/parameters/${i}`])].map(([raw, at]) => {
        const { node, pointer: target } = deref(raw, at);
        const component = /^#\/components\/parameters\/(.+)$/.exec(target)?.[1];
        return { ...node, schema: deref(node.schema, `${target}/schema`).node ?? {}, pointer: target, component };
      });
      let requestBody;
      if (op.requestBody) {
        const { node, pointer: at } = deref(op.requestBody, `${pointer}/requestBody`);
        const media = node?.content?.['application/json'];
        if (media) {
          const schema = deref(media.schema, `${at}/content/application~1json/schema`);
          requestBody = { required: Boolean(node.required), schema: schema.node, pointer: schema.pointer, name: /^#\/components\/schemas\/(.+)$/.exec(schema.pointer)?.[1] };
        }
      }
      const responses = {};
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        const { node, pointer: target } = deref(raw, `${pointer}/responses/${status}`);
        const media = node?.content ?? {};
        const json = media['application/json'];
        const schema = json ? deref(json.schema, `${target}/content/application~1json/schema`) : undefined;
        responses[status] = {
          pointer: `${pointer}/responses/${status}`,
          target,
          contentTypes: Object.keys(media),
          schema: schema?.node,
          schemaPointer: schema?.pointer,
          schemaName: schema && /^#\/components\/schemas\/(.+)$/.exec(schema.pointer)?.[1],
          headers: node?.headers ?? {},
          inferred: Array.isArray(raw?.['x-partnero-inferred']) || Array.isArray(node?.['x-partnero-inferred']),
        };
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        pointer,
        operationId: op.operationId,
        resource: op['x-partnero-resource'],
        name: op['x-partnero-method'],
        pagination: op['x-partnero-pagination'],
        create: op['x-partnero-create'],
        secured: (op.security ?? doc.security ?? []).some((requirement) => Object.keys(requirement).length > 0),
        parameters,
        requestBody,
        responses,
      });
    }
  }
  const inferences = await collectInferences(doc, specPath);
  return { doc, resolve, deref, operations, inferences, specPath };
}

/** Every x-partnero-inferred entry of the bundled spec, with where it sits and the source file that holds it. */
async function collectInferences(doc, specPath) {
  const found = [];
  const visit = (node, pointer) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    const entries = node['x-partnero-inferred'];
    if (Array.isArray(entries)) {
      entries.forEach((entry, i) => {
        const claim = typeof entry === 'string' ? entry : entry?.claim;
        if (typeof claim === 'string') found.push({ id: `${pointer}#${i}`, pointer, claim, check: typeof entry === 'object' ? entry.check : undefined });
      });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'x-partnero-inferred') visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(doc, '#');
  // The file to edit: a component's own file, a path's file (from the root's $ref), else the
  // file that holds the claim's text, else the root.
  const rootFile = resolvePath(root, specPath);
  const dir = dirname(rootFile);
  const rootDoc = parseYaml(await readFile(rootFile, 'utf8'));
  const files = await yamlFiles(dir);
  const texts = await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')]));
  const shown = (file) => relative(root, file);
  for (const inference of found) {
    const tokens = inference.pointer.slice(2).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let file;
    if (tokens[0] === 'components' && tokens.length >= 3) {
      const candidate = join(dir, 'components', tokens[1], `${tokens[2]}.yaml`);
      if (files.includes(candidate)) file = candidate;
    } else if (tokens[0] === 'paths' && typeof rootDoc?.paths?.[tokens[1]]?.$ref === 'string') {
      file = resolvePath(dir, rootDoc.paths[tokens[1]].$ref);
    }
    file ??= texts.find(([, text]) => text.includes(inference.claim.slice(0, 60)))?.[0] ?? rootFile;
    inference.file = shown(file);
  }
  return found;
}

async function yamlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'workflows') out.push(...(await yamlFiles(full)));
    } else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The operations of one resource by their x-partnero-method name. */
export function byResource(operations) {
  const resources = new Map();
  for (const op of operations) {
    if (!op.resource) continue;
    const methods = resources.get(op.resource) ?? {};
    methods[op.name] = op;
    resources.set(op.resource, methods);
  }
  return resources;
}

