// Validates answers with the client's generated validators (src/generated/validators.ts, one
// per named schema), falling back to ajv on the bundled spec for a schema without one, and maps
// each problem back to the element of the spec it concerns (a JSON pointer such as
// #/components/schemas/ReferralLink/properties/url), so that findings and inference verdicts
// can name it.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function createValidation(spec, validators) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
  ajv.addSchema({ ...spec.doc, $id: 'spec' }, 'spec');
  const compiled = new Map();
  const validatorFor = (pointer, name) => {
    if (name && typeof validators[name] === 'function') return validators[name];
    if (!compiled.has(pointer)) compiled.set(pointer, ajv.getSchema(`spec${pointer}`) ?? ajv.compile({ $ref: `spec${pointer}` }));
    return compiled.get(pointer);
  };

  /** The schema pointers that each instance path of `value` was matched against. */
  function walk(node, pointer, value, path, out, depth = 0) {
    if (!node || typeof node !== 'object' || depth > 40) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      walk(spec.resolve(node.$ref), node.$ref, value, path, out, depth + 1);
      return;
    }
    (out.get(path) ?? out.set(path, new Set()).get(path)).add(pointer);
    for (const key of ['allOf', 'anyOf', 'oneOf']) (node[key] ?? []).forEach((branch, i) => walk(branch, `${pointer}/${key}/${i}`, value, path, out, depth + 1));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        if (name in value) walk(child, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, value[name], `${path}/${name}`, out, depth + 1);
      }
    }
    if (Array.isArray(value) && node.items) value.forEach((item, i) => walk(node.items, `${pointer}/items`, item, `${path}/${i}`, out, depth + 1));
  }

  /** Validates `value` against a response's schema: the issues found and an observation per schema element met. */
  function validateResponse(response, value) {
    const validate = validatorFor(response.schemaPointer, response.schemaName);
    const ok = validate(value);
    const paths = new Map();
    walk(response.schema, response.schemaPointer, value, '', paths);
    const issues = [];
    const broken = new Set();
    for (const error of ok ? [] : (validate.errors ?? [])) {
      // Branches of an anyOf that did not match are noise when another matched or the anyOf error says it.
      if (['if', 'then', 'else'].includes(error.keyword)) continue;
      const missing = error.keyword === 'required' ? error.params?.missingProperty : undefined;
      const instancePath = missing ? `${error.instancePath}/${missing}` : error.instancePath;
      const owners = [...(paths.get(error.instancePath) ?? [])];
      const pointers = missing ? owners.map((p) => `${p}/properties/${missing}`) : owners;
      const schemaPointers = pointers.filter((p) => !/\/(anyOf|oneOf|allOf)\/\d+$/.test(p));
      for (const p of schemaPointers) broken.add(p);
      const where = `response body ${formatPath(instancePath) || '(the whole body)'}`;
      const found = valueAt(value, instancePath);
      const expected = missing ? 'a required field' : expectationOf(error);
      const came = missing ? `nothing${describeSiblings(valueAt(value, error.instancePath))}` : found.found ? `${JSON.stringify(found.value)?.slice(0, 120)} (${typeOf(found.value)})` : 'nothing';
      issues.push({
        where,
        expected,
        came,
        pointers: schemaPointers,
        key: `${where.replace(/\/\d+(?=\/|$)/g, '/*')}|${expected}`,
        edit: schemaPointers[0] ? `${missing ? `make ${missing} optional at` : `loosen`} ${schemaPointers[0]} (${error.message})` : undefined,
      });
    }
    const observations = [];
    const seen = new Set();
    for (const [path, pointers] of paths) {
      for (const pointer of pointers) {
        if (seen.has(pointer)) continue;
        seen.add(pointer);
        const isBroken = [...broken].some((b) => b === pointer || b.startsWith(`${pointer}/`));
        observations.push({ pointer, held: !isBroken, evidence: `${formatPath(path) || 'the body'} ${isBroken ? 'broke it' : 'matched'}` });
      }
    }
    // Group the same issue across the items of a list.
    const grouped = new Map();
    for (const issue of issues) {
      const group = grouped.get(issue.key);
      if (group) group.count += 1;
      else grouped.set(issue.key, { ...issue, count: 1 });
    }
    return {
      issues: [...grouped.values()].map((issue) => (issue.count > 1 ? { ...issue, where: `${issue.where.replace(/\[\d+\]/g, '[*]')} (in ${issue.count} items)` } : issue)),
      observations,
    };
  }

  /** Whether a single value matches a schema (headers). */
  function validateValue(schema, value) {
    try {
      return ajv.validate(schema, value);
    } catch {
      return true;
    }
  }

  return { validateResponse, validateValue };
}

function expectationOf(error) {
  if (error.keyword === 'const') return JSON.stringify(error.params?.allowedValue);
  if (error.keyword === 'enum') return `one of ${JSON.stringify(error.params?.allowedValues)}`;
  const must = /\bmust (?:be )?(.+)$/.exec(error.message ?? '');
  return must ? must[1] : (error.message ?? error.keyword);
}

function describeSiblings(found) {
  const value = found.found ? found.value : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? ` (it has ${Object.keys(value).join(', ') || 'no fields'})` : '';
}

export function formatPath(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`))
    .join('');
}

function valueAt(value, pointer) {
  let current = value;
  for (const segment of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object' || !(segment in current)) return { found: false };
    current = current[segment];
  }
  return { found: true, value: current };
}

function typeOf(value) {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
