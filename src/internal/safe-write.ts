// What a write does after a failure that may have acted (a timeout, a connection broken after
// sending, a 5xx): it finds out what happened, as the spec's x-partnero-create (a create) or
// x-partnero-write (a rename, a delete) says, and reports that. Loaded by import() on the first
// such failure only: the success path never carries this code.
//
// The one rule, for every write: wait (Retry-After, else backoff), send again, and read an answer
// that only makes sense if the first attempt acted as that attempt's result:
// - a create looks its unique key up before each re-send (found and held by the same owner: that
//   is the result), and a 422 on the re-send means "look again", not "taken";
// - a rename whose re-send to the old id answers 404 (or 422) reads the link at its new id;
// - a delete whose re-send answers 404 is done.
// What it uses of the rest of the client is handed to useKit (see internal/kit.ts).
import type { Kit } from './kit.js';
import type { WriteOutcome } from '../operation-types.js';
import type { CallSettings } from './transport.js';

/** How to tell what became of a create, as the spec's `x-partnero-create` says. */
export interface CreateRule {
  readonly match: string;
  readonly lookup: { readonly operation: string; readonly items: readonly string[] };
  readonly owner: { readonly operation: string; readonly id: readonly (readonly string[])[] };
  readonly result: readonly string[];
  /** Keys are compared ignoring case. */
  readonly ignoreCase?: boolean;
  /** The operation whose one path parameter the new key must suit (the key becomes the id). */
  readonly addressedBy?: string;
}

/** How to tell what became of a rename or a delete, as the spec's `x-partnero-write` says. */
export interface WriteRule {
  /** A delete: a 404 after an attempt that may have acted means it is done. */
  readonly notFound?: string;
  /** A rename: read `operation` at the id found at `id` in the body; its `item` has `match` as sent. */
  readonly verify?: {
    readonly operation: string;
    readonly id: readonly string[];
    readonly item: readonly string[];
    readonly match: string;
    readonly ignoreCase?: boolean;
  };
}

/** The write and the requests it may need, bound to one client. */
interface WriteSteps {
  /** The operation, for messages. */
  readonly operation: string;
  readonly create?: CreateRule | undefined;
  readonly write?: WriteRule | undefined;
  /** The checked body and path values of the write. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly path: readonly unknown[];
  /** Sends the write again, once (never retried blindly itself). */
  send(settings: CallSettings): Promise<unknown>;
  /** Another operation's answer. */
  read(operation: string, path: readonly unknown[], query: Record<string, unknown> | undefined, settings: CallSettings): Promise<unknown>;
  /** Every item of a paginated operation, walked with the call's own options. */
  items(operation: string, path: readonly unknown[], query: Record<string, unknown>, settings: CallSettings): AsyncIterable<unknown>;
}

type Result = [answer: unknown, outcome: WriteOutcome];

let E: Kit['errors'];
let kit: Kit;

/** Hands this module what it uses of the main chunk; called once, on loading. */
export function useWriteKit(given: Kit): void {
  kit = given;
  E = given.errors;
}

/** A request ready to send, as resources.ts prepares it. */
interface Prepared {
  readonly params: { readonly path: Record<string, unknown>; readonly query: Record<string, unknown> };
  readonly body: unknown;
}

/** What this module needs of an operation of the client (resources.ts's Operation). */
export interface WriteOperation {
  readonly id: string;
  readonly row: {
    readonly create?: CreateRule | undefined;
    readonly write?: WriteRule | undefined;
    readonly pathParameters: readonly string[];
    readonly parameters: Readonly<Record<string, { readonly maximum?: number }>>;
    readonly pagination?: { readonly limit: string } | undefined;
  };
  send(prepared: Prepared, settings: CallSettings): Promise<unknown>;
  prepare(path: readonly unknown[], query: unknown): Prepared;
  walk(args: readonly unknown[]): AsyncIterable<unknown>;
  other(id: string): WriteOperation;
}

/**
 * The answer and outcome of write `op` (sent as `prepared`) after `failure`, its first
 * attempt's failure. `taken`: the failure is a create's 422 and the caller asked for
 * `ifExists: 'return'`.
 */
export function recoverWrite(op: WriteOperation, prepared: Prepared, failure: unknown, settings: CallSettings, taken: boolean): Promise<Result> {
  const { row } = op;
  const steps: WriteSteps = {
    operation: op.id,
    create: row.create,
    write: row.write,
    body: (prepared.body ?? {}) as Record<string, unknown>,
    path: row.pathParameters.map((name) => prepared.params.path[name]),
    send: (call) => op.send(prepared, { ...call, idempotent: false }),
    read: (id, path, query, call) => {
      const other = op.other(id);
      return other.send(other.prepare(path, query), { ...call, idempotent: true });
    },
    items: (id, path, query, call) => {
      const list = op.other(id);
      const { limit } = list.row.pagination!;
      const largest = list.row.parameters[limit]?.maximum;
      // The walk takes the call's own time limit and retries, not the client's.
      const { signal, timeoutMs, maxRetries } = call;
      return list.walk([...path, largest === undefined ? query : { ...query, [limit]: largest }, { signal, timeoutMs, maxRetries }]);
    },
  };
  return afterFailedWrite(steps, failure, settings, taken);
}

/** Whether two keys are the same key: strings, equal, ignoring case if the rule says so. */
export function sameKey(a: unknown, b: unknown, ignoreCase: boolean | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && (a === b || (ignoreCase === true && a.toLowerCase() === b.toLowerCase()));
}

/** What recoverWrite's steps do: the one rule, for every write. */
async function afterFailedWrite(steps: WriteSteps, failure: unknown, settings: CallSettings, taken: boolean): Promise<Result> {
  if (taken) return [await existing(steps, failure, settings), 'existing'];
  for (let retry = 0; ; retry++) {
    await pause(steps.operation, failure, retry, settings);
    if (steps.create) {
      const found = await lookup(steps, failure, settings);
      if (found !== undefined) return [await confirmOwner(steps, found, failure, settings), 'recovered'];
    }
    try {
      return [await steps.send(settings), 'done'];
    } catch (again) {
      const verified = await settle(steps, again, failure, settings);
      if (verified) return verified;
      if (!kit.mayHaveActed(again) || retry + 1 >= settings.maxRetries) throw again;
      failure = again;
    }
  }
}

/** Waits before sending again: as long as the failure's Retry-After says (up to the client's limit), else a backoff. */
async function pause(operation: string, failure: unknown, retry: number, settings: CallSettings): Promise<void> {
  const asked = failure instanceof E.PartneroApiError ? failure.retryAfterMs : undefined;
  if (asked !== undefined && asked > kit.maxRetryAfterMs) throw failure;
  try {
    await kit.sleep(asked ?? kit.backoffMs(retry), settings.signal);
  } catch {
    throw E.RequestAbortedError.of(operation, settings.signal);
  }
}

/**
 * The result of a re-send that failed with `again` after `failure` may have acted, when that
 * answer shows the first attempt did act; undefined when it shows nothing.
 */
async function settle(steps: WriteSteps, again: unknown, failure: unknown, settings: CallSettings): Promise<Result | undefined> {
  const { create, write } = steps;
  if (create) {
    // "Taken" may be this very call's link, stored after the lookup looked (or seen late by it).
    if (!(again instanceof E.UnprocessableEntityError)) return undefined;
    const found = await lookup(steps, failure, settings);
    return found === undefined ? undefined : [await confirmOwner(steps, found, failure, settings), 'recovered'];
  }
  if (!(again instanceof E.NotFoundError || again instanceof E.UnprocessableEntityError)) return undefined;
  if (write?.notFound === 'done') return again instanceof E.NotFoundError ? [undefined, 'recovered'] : undefined;
  const verify = write?.verify;
  if (!verify) return undefined;
  try {
    // A 422 at the old id: the link may be gone from there (renamed) or still there (the key is
    // someone else's). Only a 404 there says the rename may have happened.
    if (again instanceof E.UnprocessableEntityError) await steps.read(verify.operation, steps.path, undefined, settings);
  } catch (error) {
    if (!(error instanceof E.NotFoundError)) throw uncertain(again, error, 'reading the link at its old id');
    again = error;
  }
  if (!(again instanceof E.NotFoundError)) return undefined;
  let answer: unknown;
  try {
    answer = await steps.read(verify.operation, [kit.valueAt(steps.body, verify.id)], undefined, settings);
  } catch (error) {
    if (error instanceof E.NotFoundError) return undefined;
    throw uncertain(failure, error, 'reading the link at its new id');
  }
  const item = kit.valueAt(answer, verify.item);
  return kit.isObject(item) && sameKey(item[verify.match], steps.body[verify.match], verify.ignoreCase) ? [answer, 'recovered'] : undefined;
}

/**
 * `failure` (the write's own error) with `cause` (what failed while finding out what happened)
 * as its cause, its message saying so: whether it `acted` is what stays unknown.
 */
function uncertain(failure: unknown, cause: unknown, what: string, acted = true): unknown {
  if (!(failure instanceof Error)) return failure;
  const reason = cause instanceof Error ? cause.message : String(cause);
  failure.message += `; ${acted ? 'the write may have happened, but ' : ''}${what} failed too (${reason}): check before trying again`;
  Object.defineProperty(failure, 'cause', { value: cause, configurable: true, writable: true });
  return failure;
}

/** The item whose unique field is the body's, or undefined when the lookup says there is none. */
async function lookup(steps: WriteSteps, failure: unknown, settings: CallSettings, acted = true): Promise<unknown> {
  const { match, lookup: rule, ignoreCase } = steps.create!;
  const key = steps.body[match];
  let answer: unknown;
  try {
    answer = await steps.read(rule.operation, [], { [match]: key }, settings);
  } catch (error) {
    if (error instanceof E.NotFoundError) return undefined; // "No such link" as a 404 is absent too.
    throw uncertain(failure, error, `looking ${match} ${E.describeValue(key)} up`, acted);
  }
  const items = kit.valueAt(answer, rule.items);
  return Array.isArray(items) ? items.find((item) => kit.isObject(item) && sameKey(item[match], key, ignoreCase)) : undefined;
}

/**
 * The create's answer for `found`, if the owner's own list holds it (the item where the spec
 * says, status 1, as the API would have answered); 'other' if it does not; otherwise a string
 * saying why it cannot be told, and the error that stopped it.
 */
async function ownedAnswer(steps: WriteSteps, found: unknown, settings: CallSettings): Promise<{ answer: unknown } | 'other' | [string, unknown?]> {
  const { owner, match, result, ignoreCase } = steps.create!;
  const key = (found as Record<string, unknown>)[match];
  const ownerId = owner.id.map((pointer) => kit.valueAt(steps.body, pointer)).find((value) => typeof value === 'string');
  if (ownerId === undefined) return [`the owner was not given by ${owner.id.map((pointer) => pointer.join('.')).join(' or ')}`];
  try {
    for await (const item of steps.items(owner.operation, [ownerId], {}, settings)) {
      if (kit.isObject(item) && sameKey(item[match], key, ignoreCase)) {
        const answer: Record<string, unknown> = { status: 1 };
        let at = answer;
        result.forEach((token, index) => {
          if (index === result.length - 1) at[token] = item;
          else at = (at[token] = {}) as Record<string, unknown>;
        });
        return { answer };
      }
    }
  } catch (error) {
    // An owner given by a field its list is not addressed by answers 404 there, for one.
    return [`reading the owner's links failed (${error instanceof Error ? error.message : String(error)})`, error];
  }
  return 'other';
}

/** The found item as the create's answer if the owner's list holds it; otherwise an error saying what is known. */
async function confirmOwner(steps: WriteSteps, found: unknown, failure: unknown, settings: CallSettings): Promise<unknown> {
  const { match } = steps.create!;
  const key = E.describeValue((found as Record<string, unknown>)[match]);
  const first = failure instanceof Error ? failure.message : String(failure);
  const owned = await ownedAnswer(steps, found, settings);
  if (owned === 'other') {
    throw new E.CreateConflictError(
      `${steps.operation}: ${match} ${key} belongs to another owner; this call created nothing (its first attempt failed: ${first})`,
      found,
      { cause: failure },
    );
  }
  if (Array.isArray(owned)) {
    throw new E.UncertainCreateError(
      `${steps.operation}: the first attempt failed (${first}) and ${match} ${key} now exists, but ${owned[0]}, so it cannot be confirmed as this call's; look it up before creating again`,
      found,
      { cause: owned[1] ?? failure },
    );
  }
  return owned.answer;
}

/** With `ifExists: 'return'`, after a 422: the link under the key if the same owner holds it; otherwise the 422. */
async function existing(steps: WriteSteps, failure: unknown, settings: CallSettings): Promise<unknown> {
  const found = await lookup(steps, failure, settings, false);
  if (found === undefined) throw failure;
  const owned = await ownedAnswer(steps, found, settings);
  if (owned === 'other') throw failure;
  if (Array.isArray(owned)) throw owned[1] === undefined ? failure : uncertain(failure, owned[1], "reading the owner's links", false);
  return owned.answer;
}
