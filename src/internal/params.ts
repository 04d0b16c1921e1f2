// Checks a call's path and query parameters against the rules the spec states (from
// src/generated/spec.ts), before anything is sent, and returns what is sent: fresh objects
// holding exactly the values that were checked.
import { InvalidParameterError } from '../errors.js';

/** One parameter's rules, as the generator writes them. */
export interface ParameterRule {
  readonly in: string;
  readonly required: boolean;
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly default?: unknown;
  /** Values the spec's `not: { enum }` excludes (`.` and `..` for ids in a path). */
  readonly exclude?: readonly unknown[];
}

/** The parameters of a request, as openapi-fetch takes them. */
export interface RequestParameters {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
}

/**
 * The query `given` as a plain object of its own enumerable properties, or InvalidParameterError.
 * A class instance, an object with another prototype or a getter-laden proxy would be read one
 * way by the checks and another by the serializer, so only plain objects are taken.
 */
export function plainObject(operation: string, name: string, given: unknown): Record<string, unknown> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidParameterError(operation, name, 'an object', given);
  }
  const prototype: unknown = Object.getPrototypeOf(given);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InvalidParameterError(operation, name, 'a plain object ({ ... }), not a class instance or an object with another prototype', given);
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(given)) setOwn(copy, key, (given as Record<string, unknown>)[key]);
  return copy;
}

/** Sets `object[key]` as an own property: a key named `__proto__` is data, never the prototype. */
export function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Checks the path values (in the order of the path's placeholders) and the query against
 * `rules`; throws InvalidParameterError for the first parameter that breaks one, or for a query
 * key the operation does not take. (A choice of parameters, x-partnero-exactly-one, is checked
 * by schema-checks.ts's checkChoice.)
 */
export function checkParameters(
  operation: string,
  rules: Readonly<Record<string, ParameterRule>>,
  pathNames: readonly string[],
  pathValues: readonly unknown[],
  query: unknown,
): RequestParameters {
  const path: Record<string, unknown> = {};
  pathNames.forEach((name, index) => (path[name] = pathValues[index]));
  const sent = query === undefined ? {} : plainObject(operation, 'query', query);
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined) delete sent[name];
    else if (rules[name]?.in !== 'query') {
      const known = Object.keys(rules).filter((key) => rules[key]?.in === 'query');
      throw new InvalidParameterError(
        operation,
        name,
        known.length ? `one of the query parameters ${known.join(', ')}` : 'left out: this operation takes no query parameters',
        value,
      );
    }
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = rule.in === 'path' ? path[name] : sent[name];
    if (value === undefined && !rule.required) continue;
    if (!satisfies(value, rule)) throw new InvalidParameterError(operation, name, describeRule(rule), value);
  }
  return { path, query: sent };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` meets `rule`. */
export function satisfies(value: unknown, rule: ParameterRule): boolean {
  if (rule.exclude?.includes(value)) return false;
  switch (rule.type) {
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        (rule.minimum === undefined || value >= rule.minimum) &&
        (rule.maximum === undefined || value <= rule.maximum)
      );
    case 'string':
      return (
        typeof value === 'string' &&
        (rule.minLength === undefined || value.length >= rule.minLength) &&
        (rule.maxLength === undefined || value.length <= rule.maxLength) &&
        // A lone surrogate cannot be percent-encoded.
        !LONE_SURROGATE.test(value)
      );
    default:
      return value !== undefined;
  }
}

/** What a rule allows, in words, e.g. `an integer from 1 to 250`. */
export function describeRule(rule: ParameterRule): string {
  switch (rule.type) {
    case 'integer': {
      const { minimum: min, maximum: max } = rule;
      if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
      if (min !== undefined) return `an integer of at least ${min}`;
      if (max !== undefined) return `an integer of at most ${max}`;
      return 'an integer';
    }
    case 'string': {
      const length =
        rule.minLength === 1 && rule.maxLength === undefined
          ? 'a non-empty string'
          : `a string of ${rule.minLength ?? 0} to ${rule.maxLength ?? 'any number of'} characters`;
      const excluded = rule.exclude?.length ? `, other than ${rule.exclude.map((v) => JSON.stringify(v)).join(' and ')}` : '';
      return `${length} of well-formed Unicode${excluded}`;
    }
    default:
      return 'given';
  }
}
