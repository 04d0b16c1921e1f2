// Checks call parameters against the rules the spec states (src/generated/spec.ts), before
// anything is sent, so that a bad value fails here with a message naming it.
import { operations } from '../generated/spec.js';
import { InvalidParameterError } from '../errors.js';

type OperationId = keyof typeof operations;

interface ParameterRule {
  readonly in: string;
  readonly required: boolean;
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** A call's parameters by where they travel, as the spec's `in` names it. */
export type ParameterValues = Readonly<Partial<Record<'path' | 'query', unknown>>>;

/**
 * Throws InvalidParameterError for the first parameter of `operation` that breaks the spec's
 * rules, or that is unknown where it was given (a query `id` cannot stand in for the path's).
 */
export function checkParameters(operation: OperationId, given: ParameterValues): void {
  const rules: Readonly<Record<string, ParameterRule>> = operations[operation].parameters;
  const values: Record<string, unknown> = {};
  for (const [location, group] of Object.entries(given)) {
    if (group === undefined) continue;
    if (typeof group !== 'object' || group === null || Array.isArray(group)) {
      throw new InvalidParameterError(operation, location, 'an object of parameters', group);
    }
    for (const [name, value] of Object.entries(group)) {
      if (rules[name]?.in !== location) {
        const known = Object.keys(rules).filter((key) => rules[key]?.in === location);
        throw new InvalidParameterError(operation, name, `one of the ${location} parameters ${known.join(', ')}`, value);
      }
      values[name] = value;
    }
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = values[name];
    if (value === undefined && !rule.required) continue;
    if (!satisfies(value, rule)) throw new InvalidParameterError(operation, name, describeRule(rule), value);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function satisfies(value: unknown, rule: ParameterRule): boolean {
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
        // A lone surrogate cannot be percent-encoded; "." and ".." would be read as relative
        // path segments however they are encoded.
        !LONE_SURROGATE.test(value) &&
        !(rule.in === 'path' && (value === '.' || value === '..'))
      );
    default:
      return value !== undefined;
  }
}

function describeRule(rule: ParameterRule): string {
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
      return `${length} of well-formed Unicode${rule.in === 'path' ? ', other than "." and ".."' : ''}`;
    }
    default:
      return 'given';
  }
}
