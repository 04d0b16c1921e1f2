// What a create does after a failure that may have created the resource (a timeout, a
// connection broken after sending, a 5xx): Partnero has no idempotency keys, so rather than
// send again it looks the unique key up. Found, and held by the same owner: that is the call's
// result. Surely absent: the create is sent again. Anything else is an error saying what is
// known.
import { CreateConflictError, NotFoundError, UncertainCreateError, describeValue } from '../errors.js';
import { backoffMs } from '../retry.js';
import { isObject, valueAt } from './json.js';
import { sleep } from './sleep.js';
import { mayHaveActed, type CallSettings } from './transport.js';

/** How to tell what became of a create, as the spec's `x-partnero-create` says. */
export interface CreateRule {
  readonly match: string;
  readonly lookup: { readonly operation: string; readonly items: readonly string[] };
  readonly owner: { readonly operation: string; readonly id: readonly (readonly string[])[] };
  readonly result: readonly string[];
}

/** The requests a create may need, bound to one client. */
export interface CreateSteps {
  /** The operation, for messages. */
  readonly operation: string;
  readonly rule: CreateRule;
  /** Sends the create again (never retried blindly itself). */
  send(settings: CallSettings): Promise<unknown>;
  /** The lookup operation's answer to `query`. */
  lookup(query: Record<string, unknown>, settings: CallSettings): Promise<unknown>;
  /** Every item of the owner's list. */
  ownerItems(ownerId: string, settings: CallSettings): AsyncIterable<unknown>;
}

/** The create's result after `failure`, its first attempt's failure (which may have created it). */
export async function afterFailedCreate(
  steps: CreateSteps,
  body: Readonly<Record<string, unknown>>,
  failure: unknown,
  settings: CallSettings,
): Promise<unknown> {
  const { match } = steps.rule;
  const key = body[match];
  for (let resend = 0; ; resend++) {
    const found = await lookup(steps, key, settings);
    if (found !== undefined) return confirmOwner(steps, found, body, failure, settings);
    // An abort during the wait is reported by the next attempt, before it sends anything.
    await sleep(backoffMs(resend), settings.signal).catch(() => {});
    try {
      return await steps.send(settings);
    } catch (again) {
      if (!mayHaveActed(again) || resend + 1 >= settings.maxRetries) throw again;
      failure = again;
    }
  }
}

/** The item whose unique field equals `key`, or undefined when the lookup says there is none. */
async function lookup(steps: CreateSteps, key: unknown, settings: CallSettings): Promise<unknown> {
  const { match, lookup: rule } = steps.rule;
  let answer: unknown;
  try {
    answer = await steps.lookup({ [match]: key }, settings);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined; // "No such link" as a 404 is absent too.
    throw error;
  }
  const items = valueAt(answer, rule.items);
  return Array.isArray(items) ? items.find((item) => isObject(item) && item[match] === key) : undefined;
}

/** The found item as the create's answer if the owner's list holds it; otherwise an error. */
async function confirmOwner(
  steps: CreateSteps,
  found: unknown,
  body: Readonly<Record<string, unknown>>,
  failure: unknown,
  settings: CallSettings,
): Promise<unknown> {
  const { owner, match, result } = steps.rule;
  const key = (found as Record<string, unknown>)[match];
  const first = failure instanceof Error ? failure.message : String(failure);
  const ownerId = owner.id.map((pointer) => valueAt(body, pointer)).find((value) => typeof value === 'string');
  if (ownerId === undefined) {
    const fields = owner.id.map((pointer) => pointer.join('.')).join(' or ');
    throw new UncertainCreateError(
      `${steps.operation}: the first attempt failed (${first}) and ${match} ${describeValue(key)} now exists, but the owner was not given by ${fields}, so it cannot be confirmed as this call's; look it up before creating again`,
      found,
      { cause: failure },
    );
  }
  for await (const item of steps.ownerItems(ownerId, settings)) {
    if (isObject(item) && item[match] === key) {
      // The create's answer, as the API would have sent it: the item where the spec says, status 1.
      const answer: Record<string, unknown> = { status: 1 };
      let at = answer;
      result.forEach((token, index) => {
        if (index === result.length - 1) at[token] = item;
        else at = (at[token] = {}) as Record<string, unknown>;
      });
      return answer;
    }
  }
  throw new CreateConflictError(
    `${steps.operation}: ${match} ${describeValue(key)} belongs to another owner; this call created nothing (its first attempt failed: ${first})`,
    found,
    { cause: failure },
  );
}
