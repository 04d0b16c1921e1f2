// The case generator: values the spec allows at its edges and values it forbids, derived from a
// parameter's or body's schema (nothing here names a parameter or a field), with fast-check
// sampling the random ones from the run's seed so that `--seed` replays a run exactly.
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';

/** Characters tried as a key's "unusual" characters: those the schema's pattern allows are positive cases, the others negative. */
const SPECIAL = ['.', '-', '_', ' ', '/', '?', '#', '%', '&', '+', '!', '@', "'", '"', 'é'];

/** The RegExp of a schema's pattern, if it has one. */
export const patternOf = (schema) => (typeof schema?.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined);

/** Whether a string satisfies a string schema's length and pattern (the rules the generator varies). */
export function allowedString(schema, value) {
  const length = [...value].length;
  if (schema?.minLength !== undefined && length < schema.minLength) return false;
  if (schema?.maxLength !== undefined && length > schema.maxLength) return false;
  if (schema?.not?.enum?.includes(value)) return false;
  const pattern = patternOf(schema);
  return pattern ? pattern.test(value) : true;
}

/** A run's random source: fast-check samples from the seed, one stream per purpose. */
export function generator(seed) {
  let stream = 0;
  const sample = (arbitrary, count = 1) => fc.sample(arbitrary, { seed: seed + (stream += 1), numRuns: count });
  const tag = sample(fc.stringMatching(/^[0-9a-f]{6}$/))[0];
  return {
    seed,
    /** The base of every throwaway key of this run: `contract-<time>-<6 hex from the seed>`. */
    base: `contract-${Date.now()}-${tag ?? randomBytes(3).toString('hex')}`,
    sample,
  };
}

/**
 * Keys the spec allows, at its edges, each starting with `prefix` (so only throwaway keys are
 * made): one with every allowed special character and upper case, one of the longest allowed
 * length, and `random` sampled by fast-check from the characters the schema allows.
 */
export function positiveKeys(schema, prefix, gen, random = 1) {
  const pattern = patternOf(schema);
  const fits = (value) => allowedString(schema, value);
  const keys = [];
  const specials = SPECIAL.filter((c) => fits(`${prefix}${c}x`) && /[.\-_]/.test(c));
  const mixed = `${prefix}${specials.join('')}Up`;
  if (fits(mixed)) keys.push({ label: `a key with ${specials.length ? `${specials.join(' ')} and ` : ''}upper case`, value: mixed });
  if (schema?.maxLength !== undefined) {
    const longest = `${prefix}l`.padEnd(schema.maxLength, 'x');
    if (fits(longest)) keys.push({ label: `a key of ${schema.maxLength} characters (the most allowed)`, value: longest });
  }
  const unit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...specials);
  const room = Math.max(1, Math.min(12, (schema?.maxLength ?? 64) - prefix.length - 1));
  for (const tail of gen.sample(fc.string({ unit, minLength: 1, maxLength: room }), random * 4)) {
    if (keys.length >= 2 + random) break;
    const value = `${prefix}r${tail}`;
    if (fits(value) && !keys.some((k) => k.value.toLowerCase() === value.toLowerCase()) && (!pattern || pattern.test(value))) {
      keys.push({ label: `a random key allowed by the spec (${JSON.stringify(value.slice(prefix.length))} after the prefix)`, value });
    }
  }
  return keys;
}

/** Strings the schema forbids, built on `prefix`: empty (below minLength), one past maxLength, a character the pattern refuses. */
export function negativeStrings(schema, prefix) {
  const out = [];
  if (schema?.minLength >= 1) out.push({ label: `an empty string (minLength ${schema.minLength})`, value: '' });
  if (schema?.maxLength !== undefined) out.push({ label: `${schema.maxLength + 1} characters (maxLength ${schema.maxLength})`, value: `${prefix}n`.padEnd(schema.maxLength + 1, 'x') });
  const pattern = patternOf(schema);
  if (pattern) {
    for (const c of SPECIAL) {
      const value = `${prefix}${c}x`;
      if (!pattern.test(value) && (schema.maxLength === undefined || value.length <= schema.maxLength)) {
        out.push({ label: `a character the pattern refuses (${JSON.stringify(c)})`, value });
        break;
      }
    }
  }
  return out;
}

/** Values a query parameter's schema forbids, as they would be sent (text). */
export function negativeQueryValues(schema) {
  const out = [];
  if (schema?.type === 'integer' || schema?.type === 'number') {
    if (schema.minimum !== undefined) out.push({ label: `${schema.minimum - 1} (below the minimum ${schema.minimum})`, value: String(schema.minimum - 1) });
    if (schema.maximum !== undefined) out.push({ label: `${schema.maximum + 1} (above the maximum ${schema.maximum})`, value: String(schema.maximum + 1) });
    if (schema.type === 'integer') out.push({ label: 'a fraction where an integer is expected', value: String((schema.minimum ?? 1) + 0.5) });
    out.push({ label: 'text where a number is expected', value: 'abc' });
  } else if (schema?.type === 'string' && Array.isArray(schema.enum)) {
    out.push({ label: 'a value outside the enum', value: 'contract-not-in-enum' });
  }
  return out;
}

/** Values a query parameter's schema allows at its edges. */
export function positiveQueryValues(schema) {
  const out = [];
  if (schema?.type === 'integer' || schema?.type === 'number') {
    if (schema.minimum !== undefined) out.push({ label: `${schema.minimum} (the minimum)`, value: schema.minimum });
    if (schema.maximum !== undefined) out.push({ label: `${schema.maximum} (the maximum)`, value: schema.maximum });
  }
  return out;
}

const WRONG = { string: 12345, integer: 'abc', number: 'abc', boolean: 'yes', object: 'not-an-object', array: 'not-an-array' };

/**
 * Bodies the schema forbids, from a valid `body`: each required field missing, each field of
 * the wrong type, each string field's forbidden strings, an object field that must hold
 * something left empty. `deref` follows $refs; `prefix` builds forbidden keys.
 */
export function negativeBodies(schema, body, deref, prefix) {
  const out = [];
  const visit = (node, value, path) => {
    const s = deref(node);
    if (!s || typeof value !== 'object' || value === null) return;
    for (const name of s.required ?? []) {
      if (value[name] === undefined) continue;
      const copy = structuredClone(body);
      deleteAt(copy, [...path, name]);
      out.push({ label: `${[...path, name].join('.')} missing (required)`, body: copy, field: [...path, name] });
    }
    const needsOne = (s.anyOf ?? []).every((branch) => Array.isArray(deref(branch)?.required)) && s.anyOf?.length;
    if (path.length && (needsOne || s.minProperties >= 1)) out.push({ label: `${path.join('.')} empty (it needs at least one of its fields)`, body: setAtPath(body, path, {}), field: path });
    for (const [name, raw] of Object.entries(s.properties ?? {})) {
      const p = deref(raw);
      const field = [...path, name];
      if (value[name] === undefined) continue;
      const type = Array.isArray(p?.type) ? undefined : p?.type;
      if (type && WRONG[type] !== undefined) out.push({ label: `${field.join('.')} of the wrong type (${describe(WRONG[type])} where ${type} is expected)`, body: setAtPath(body, field, WRONG[type]), field });
      if (type === 'string') for (const bad of negativeStrings(p, typeof value[name] === 'string' && value[name].startsWith(prefix) ? `${value[name]}` : prefix)) out.push({ label: `${field.join('.')} ${bad.label}`, body: setAtPath(body, field, bad.value), field });
      if (type === 'object') visit(p, value[name], field);
      else if (!type && p?.properties) visit(p, value[name], field);
    }
  };
  visit(schema, body, []);
  return out;
}

function describe(value) {
  return typeof value === 'string' ? `text ${JSON.stringify(value)}` : `${typeof value} ${JSON.stringify(value)}`;
}

function setAtPath(value, path, item) {
  const copy = structuredClone(value);
  let current = copy;
  path.forEach((token, i) => {
    if (i === path.length - 1) current[token] = item;
    else current = current[token];
  });
  return copy;
}

function deleteAt(value, path) {
  let current = value;
  path.forEach((token, i) => {
    if (i === path.length - 1) delete current[token];
    else current = current[token];
  });
}
