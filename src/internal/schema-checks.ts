// Checks a request body or a response body against the spec's schemas, with the generated
// validators. resources.ts loads this module (and the validators with it) by import() on first
// use: a client that never sends a body and never validates answers never loads them.
import type { InvalidParameterError, ValidationIssue } from '../errors.js';
import type { Kit } from './kit.js';
import type * as Validators from '../generated/validators.js';
import type { ValidationErrorObject, Validator } from '../generated/validators.js';

// What it uses of the rest of the client comes from resources.ts (see internal/kit.ts).
let K: Kit;
let E: Kit['errors'];
let validators: typeof Validators;

/**
 * Hands this module what it uses of the main chunk, and the validators (internal/lazy.ts's
 * namespace: an `import * as` here would need a helper that esbuild shares with the main chunk).
 */
export function useKit(kit: Kit, namespace: typeof Validators): void {
  K = kit;
  E = kit.errors;
  validators = namespace;
}

/**
 * Refuses a query that gives none, or more than one, of the parameters `names` (the spec's
 * x-partnero-exactly-one, e.g. a search's id and key): InvalidParameterError naming them all.
 */
export function checkChoice(operation: string, names: readonly string[], query: Readonly<Record<string, unknown>>): void {
  const given = names.filter((name) => query[name] !== undefined);
  if (given.length === 1) return;
  // The value shows what was given of them: `{}` for none.
  const value = Object.fromEntries(given.map((name) => [name, query[name]]));
  throw new E.InvalidParameterError(operation, `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`, 'given, exactly one of them', value);
}

function validatorNamed(all: typeof Validators, name: string): Validator {
  return (all as unknown as Readonly<Record<string, Validator>>)[name]!;
}

/**
 * The body to send: what `input` is as JSON, checked against schema `validator`; otherwise
 * InvalidParameterError naming the field by its path (`partner.email`), its rule and the value.
 */
export async function checkBody(operation: string, validator: string, required: boolean, input: unknown): Promise<unknown> {
  const rules = validators.bodyRules[validator] ?? {};
  if (input === undefined) {
    if (required) throw new E.InvalidParameterError(operation, 'body', rules[''] ?? 'given', input);
    return undefined;
  }
  // What is checked is exactly what is sent: a copy holding JSON data only.
  const body = jsonData(operation, K.plainObject(operation, 'body', input), '', 0);
  const check = validatorNamed(validators, validator);
  if (!check(body)) throw bodyError(operation, check.errors ?? [], body, rules);
  return body;
}

/**
 * A copy of `value` that JSON.stringify sends as it is: anything it would change (NaN and
 * Infinity become null, a function or symbol is dropped, undefined in a list becomes null, a
 * Date becomes a string) or refuse (BigInt, a cycle) is an InvalidParameterError naming the
 * field by its path. Undefined in an object means "left out", as in a query.
 */
function jsonData(operation: string, value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)) return value;
  if (typeof value === 'object' && depth < 64) {
    if (Array.isArray(value)) return Array.from(value, (item, index) => jsonData(operation, item, `${path}[${index}]`, depth + 1));
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) {
      const copy = {};
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) K.setOwn(copy, key, jsonData(operation, item, path ? `${path}.${key}` : key, depth + 1));
      }
      return copy;
    }
  }
  throw new E.InvalidParameterError(operation, path || 'body', 'JSON data: a string, a finite number, true, false, null, a list or a plain object (nested at most 64 deep)', value);
}

/** Throws ResponseValidationError unless `body`, answered with `response`, matches schema `validator`. */
export async function checkResponse(
  operation: string,
  validator: string | null | undefined,
  statuses: readonly string[],
  body: unknown,
  response: Response,
  secret: string,
): Promise<void> {
  const fail = (issues: ValidationIssue[]): never => {
    const redacted = issues.map((issue) => ({ ...issue, received: K.redactValue(issue.received, secret) as string }));
    throw new E.ResponseValidationError(operation, response.status, K.redactHeaders(response.headers, secret), K.redactValue(body, secret), redacted);
  };
  if (!validator) return fail([{ path: '', expected: `one of the statuses ${statuses.join(', ')}`, received: String(response.status) }]);
  const check = validatorNamed(validators, validator);
  if (!check(body)) fail((check.errors ?? []).map((error) => toIssue(error, body)));
}

/** The InvalidParameterError for the first thing ajv found wrong in a body. */
function bodyError(
  operation: string,
  errors: readonly ValidationErrorObject[],
  body: unknown,
  rules: Readonly<Record<string, string>>,
): InvalidParameterError {
  // A field that is there but wrong (a type, a length) is the most precise thing to report,
  // even from inside an anyOf branch, since it fails every branch alike. A missing field inside
  // a branch only says why that branch failed: then the anyOf itself is reported.
  const wrongValue = errors.filter((e) => !['required', 'anyOf', 'oneOf', 'dependentRequired'].includes(e.keyword));
  const error =
    wrongValue.sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ??
    errors.find((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath)) ??
    errors[0];
  if (!error) return new E.InvalidParameterError(operation, 'body', rules[''] ?? 'valid', body);
  let pointer = error.instancePath;
  let suffix = '';
  if (error.keyword === 'required') {
    pointer += `/${String(error.params['missingProperty'])}`;
    suffix = ' (required)';
  } else if (error.keyword === 'dependentRequired') {
    pointer += `/${String(error.params['missingProperty'])}`;
    suffix = ` (required when ${String(error.params['property'])} is given)`;
  }
  const tokens = K.pointerTokens(pointer);
  const field = tokens.map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : i === 0 ? t : `.${t}`)).join('') || 'body';
  const rule = rules[tokens.map((t) => (/^\d+$/.test(t) ? '*' : t)).reduce((path, t) => `${path}/${t}`, '')];
  return new E.InvalidParameterError(operation, field, `${rule ?? error.message ?? error.keyword}${suffix}`, K.valueAt(body, tokens));
}

function toIssue(error: ValidationErrorObject, body: unknown): ValidationIssue {
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${String(error.params['missingProperty'])}`, expected: 'a required property', received: 'nothing' };
  }
  return { path: error.instancePath, expected: error.message ?? error.keyword, received: E.describeValue(K.valueAt(body, K.pointerTokens(error.instancePath))) };
}
