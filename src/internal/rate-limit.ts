// The adaptive rate limiter behind the client option `rateLimit` (issues 20, 28), loaded by
// dynamic import on the first call of a client that asks for it: nothing here is in the main chunk.
//
// A server that says its limit (`X-RateLimit-Limit`, `X-RateLimit-Remaining` on every answer and,
// on a 429, `Retry-After` and `X-RateLimit-Reset`, as Laravel's throttle middleware and GitHub send
// them) is paced by what it says: no more requests out than remain, and at none left, a wait for
// the reset instead of a 429. Partnero documents no such headers, so without them the limiter
// learns the rate. Two controllers share one queue:
// - the rate (requests per second), for the key: it doubles every 100 ms from 20/s until the
//   first 429 ("slow start"), then follows TCP CUBIC's curve (RFC 9438) in time: cut to 0.8 of
//   the rate that drew the 429, back to it along a concave curve, then probing above it along a
//   convex one (rate-limit-curve.ts). The curve is a function of (rate at the cut, time of the
//   cut) alone, so every process sharing a key through Redis computes the same rate.
// - the concurrency, per process: grown while answers are fast, cut when latency climbs (a
//   gradient on latency as in Netflix's concurrency-limits: a short-term average against the
//   windowed minimum).
// A 429 answer is sent again through the queue (it surely did nothing, so a create too) up to
// MAX_REQUEUES times without counting against the call's maxRetries. A Retry-After of a second
// or less is what a token bucket sends whenever it is empty (whole seconds, rounded up): it is
// a hint, and the cut paces the calls; a longer one pauses every call of the client (and, with
// Redis, of every process on the key); one beyond the transport's longest wait fails the calls
// queued behind it at once, saying when to retry. A run of 429s with no success for
// STALL_MS stops the calls, saying so, instead of trying on for hours.
// It imports nothing from the client's own modules: what it needs of them comes in `Tools`
// (a module shared with the main chunk would be split into a chunk of its own, which makes
// the main chunk larger for everyone).
import type { PartneroError } from '../errors.js';
import {
  acceptedRate,
  cutGraceEnd,
  idleGapMs,
  MIN_RATE,
  peakAfter,
  rateAt,
  SENT_SLOTS,
  sentRate,
  SLOT_MS,
  startState,
  type RateState,
  type RateStore,
  type Tools,
} from './rate-limit-curve.js';

export * from './rate-limit-curve.js';

/** The client option `rateLimit`: `'adaptive'`, or the same with caps, Redis, and a rate to start from. */
export type RateLimitOption =
  | 'adaptive'
  | {
      /** Never more calls in flight at once than this (per process). */
      readonly maxConcurrency?: number;
      /** Never more requests per second than this (for the key: across processes with `redis`). */
      readonly maxRequestsPerSecond?: number;
      /** Share the learned rate and the pauses with every process on the same `key`: a Redis URL, or an ioredis client. */
      readonly redis?: string | object;
      /** The name under which processes share through Redis. Default `partnero`. */
      readonly key?: string;
      /** Start from this rate (requests per second, as `onRate` reported it in an earlier run) instead of slow start. */
      readonly initialRate?: number;
      /** Called with the learnt rate (requests per second) whenever a 429 sets it anew: keep it to start the next run from (`initialRate`). */
      readonly onRate?: (requestsPerSecond: number) => void;
    };

/** What an attempt came to, as the transport sees it: an answer (`response`) or an error. */
export type AttemptOutcome = { readonly response: Response } | Error;

/** The hook in the transport: runs one attempt when the limiter lets it. */
export interface Limiter {
  run<T extends AttemptOutcome>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T | PartneroError>;
}

/** How many 429s one attempt may meet in the queue before the transport sees one. */
export const MAX_REQUEUES = 10;
/** A Retry-After up to this long is a hint (a token bucket rounds "a moment" up to 1 s): the cut paces; a longer one pauses every call. */
export const RETRY_AFTER_HINT_MS = 1_000;
/** A run of 429s with no other answer for this long, and ... */
export const STALL_MS = 30_000;
/** ... at least this many of them, stops the calls (for STALL_MS: a call then fails at once). */
export const STALL_REFUSALS = 10;
const DEFAULT_MAX_CONCURRENCY = 64;
const INITIAL_CONCURRENCY = 8;

/** What a server said of its limit in `X-RateLimit-*` headers (Laravel's throttle middleware, GitHub). */
export interface ServerLimit {
  /** Requests left in the window, as of this answer. */
  readonly remaining: number;
  /** Requests per window (`X-RateLimit-Limit`), when said. */
  readonly limit?: number;
  /** When the window ends (epoch ms), when said (`X-RateLimit-Reset`: Laravel and GitHub send epoch seconds; a small number is read as seconds from now). */
  readonly resetAt?: number;
}

/** The `X-RateLimit-*` headers of an answer, or undefined when it has no `X-RateLimit-Remaining`. */
export function serverLimitOf(headers: Headers, now: number): ServerLimit | undefined {
  const count = (name: string): number | undefined => {
    const text = headers.get(name)?.trim();
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const remaining = count('x-ratelimit-remaining');
  if (remaining === undefined) return undefined;
  const limit = count('x-ratelimit-limit');
  const reset = count('x-ratelimit-reset');
  const resetAt = reset === undefined ? undefined : reset > 1e9 ? reset * 1000 : now + reset * 1000;
  return { remaining, ...(limit === undefined ? {} : { limit }), ...(resetAt === undefined ? {} : { resetAt }) };
}

/** Memory store: the pause and the rate of one client. */
export class MemoryStore implements RateStore {
  #state: RateState;
  #pausedUntil = 0;
  /** Requests per slot, the newest first, and the slot of the newest. */
  #counts: number[] = new Array<number>(SENT_SLOTS).fill(0);
  #firsts: number[] = new Array<number>(SENT_SLOTS).fill(0);
  #slot = 0;
  #accepted = 0;
  /** Time spent sending since the last cut (gaps longer than idleGapMs left out), and the last request or answer. */
  #activeMs = 0;
  #lastEvent: number;

  constructor(now: number, initialRate?: number) {
    this.#state = startState(now, initialRate);
    this.#lastEvent = now;
  }

  state(): RateState {
    return this.#state;
  }

  pausedUntil(): number {
    return this.#pausedUntil;
  }

  cut(sentAt: number, rate: number, now: number): void {
    if (sentAt < cutGraceEnd(this.#state)) return;
    this.#roll(now);
    this.#active(now);
    // The accepted rate only between two 429s: slow start's beginning found no bucket empty.
    const accepted = this.#state.peak === 0 ? Infinity : acceptedRate(this.#accepted, this.#activeMs);
    const bound = Math.min(rate, sentRate(this.#counts, this.#firsts, now), accepted);
    this.#state = { peak: peakAfter(bound), since: now };
    this.#accepted = 0;
    this.#activeMs = 0;
  }

  accepted(now: number): void {
    this.#active(now);
    this.#accepted++;
  }

  sent(now: number): void {
    this.#active(now);
    this.#roll(now);
    if (this.#counts[0]!++ === 0) this.#firsts[0] = now;
  }

  /** Counts the time since the last request or answer as sending, unless it was an idle gap. */
  #active(now: number): void {
    const gap = now - this.#lastEvent;
    if (gap > 0 && gap <= idleGapMs(rateAt(this.#state, now))) this.#activeMs += gap;
    this.#lastEvent = Math.max(this.#lastEvent, now);
  }

  #roll(now: number): void {
    const slot = Math.floor(now / SLOT_MS);
    const shift = Math.min(SENT_SLOTS, slot - this.#slot);
    if (shift > 0) {
      this.#counts = [...new Array<number>(shift).fill(0), ...this.#counts.slice(0, SENT_SLOTS - shift)];
      this.#firsts = [...new Array<number>(shift).fill(0), ...this.#firsts.slice(0, SENT_SLOTS - shift)];
    }
    this.#slot = Math.max(slot, this.#slot);
  }

  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }
}

/** The limits `option` sets, checked. */
export interface Limits {
  readonly maxConcurrency: number;
  readonly maxRequestsPerSecond: number;
  readonly redis?: string | object;
  readonly key: string;
  readonly initialRate?: number;
  readonly onRate?: (requestsPerSecond: number) => void;
}

const OPTION_NAMES = 'maxConcurrency, maxRequestsPerSecond, redis, key, initialRate, onRate';

/** The limits `option` sets, checked: InvalidOptionError names the field. */
export function limitsOf(option: unknown, { InvalidOptionError, describeValue }: Tools): Limits {
  if (option === 'adaptive') return { maxConcurrency: DEFAULT_MAX_CONCURRENCY, maxRequestsPerSecond: Infinity, key: 'partnero' };
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new InvalidOptionError('rateLimit', `must be 'adaptive' or an object { ${OPTION_NAMES.replace(/,/g, '?,')}? }, got ${describeValue(option)}`);
  }
  const { maxConcurrency, maxRequestsPerSecond, redis, key, initialRate, onRate, ...rest } = option as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new InvalidOptionError(`rateLimit.${unknown}`, `is not an option of rateLimit (${OPTION_NAMES})`);
  }
  if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || (maxConcurrency as number) < 1 || (maxConcurrency as number) > 10_000)) {
    throw new InvalidOptionError('rateLimit.maxConcurrency', `must be an integer from 1 to 10000, got ${describeValue(maxConcurrency)}`);
  }
  for (const [name, value] of [
    ['maxRequestsPerSecond', maxRequestsPerSecond],
    ['initialRate', initialRate],
  ] as const) {
    if (value !== undefined && (typeof value !== 'number' || !(value >= MIN_RATE) || !Number.isFinite(value))) {
      throw new InvalidOptionError(`rateLimit.${name}`, `must be a number of at least ${MIN_RATE}, got ${describeValue(value)}`);
    }
  }
  if (redis !== undefined && !(typeof redis === 'string' && /^(rediss?|unix):\/\//.test(redis)) && (typeof redis !== 'object' || redis === null)) {
    throw new InvalidOptionError('rateLimit.redis', `must be a redis://, rediss:// or unix:// URL, or an ioredis client, got ${describeValue(typeof redis === 'string' ? redis.replace(/\/\/.*@/, '//…@') : redis)}`);
  }
  if (key !== undefined && (typeof key !== 'string' || !/^[\w.:-]{1,100}$/.test(key))) {
    throw new InvalidOptionError('rateLimit.key', `must be 1 to 100 letters, digits, or . : _ -, got ${describeValue(key)}`);
  }
  if (onRate !== undefined && typeof onRate !== 'function') {
    throw new InvalidOptionError('rateLimit.onRate', `must be a function (requestsPerSecond) => void, got ${describeValue(onRate)}`);
  }
  return {
    maxConcurrency: (maxConcurrency as number | undefined) ?? DEFAULT_MAX_CONCURRENCY,
    maxRequestsPerSecond: (maxRequestsPerSecond as number | undefined) ?? Infinity,
    ...(redis === undefined ? {} : { redis: redis as string | object }),
    key: (key as string | undefined) ?? 'partnero',
    ...(initialRate === undefined ? {} : { initialRate: initialRate as number }),
    ...(onRate === undefined ? {} : { onRate: onRate as (requestsPerSecond: number) => void }),
  };
}

/** The limiter for the client option `rateLimit` (the transport's hook calls this once, on the first call). */
export async function createLimiter(option: unknown, tools: Tools): Promise<Limiter> {
  const limits = limitsOf(option, tools);
  if (limits.redis === undefined) return new AdaptiveLimiter(new MemoryStore(Date.now(), limits.initialRate), limits, tools);
  const { redisStore } = await import('./rate-limit-redis.js');
  return new AdaptiveLimiter(await redisStore(limits.redis, limits.key, tools, limits.initialRate), limits, tools);
}

/** What a queued call is told: go, aborted (false), or the error it fails with unsent. */
type Grant = true | false | PartneroError;

interface Waiter {
  readonly operation: string;
  readonly signal: AbortSignal | undefined;
  readonly settle: (grant: Grant) => void;
}

/** Windowed minimum over WINDOW samples (this window's and the last one's), the latency baseline. */
const WINDOW = 100;
/** Latency counts as climbing past this multiple of the baseline, and this many ms above it (jitter). */
const LATENCY_TOLERANCE = 2;
const LATENCY_SLACK_MS = 50;

/** The queue, the two controllers, the server's own count, and the requeueing of 429s. */
export class AdaptiveLimiter implements Limiter {
  readonly #store: RateStore;
  readonly #tools: Tools;
  readonly #maxConcurrency: number;
  readonly #maxRate: number;
  readonly #onRate: ((requestsPerSecond: number) => void) | undefined;
  readonly #now: () => number;
  readonly #queue: Waiter[] = [];
  #inFlight = 0;
  #concurrency: number;
  #slowStart = true;
  /** When the next request may go under the rate (ms). */
  #nextAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;
  /** Redis: a call of this process is waiting for its slot on the key's timeline. */
  #pacing: AbortController | undefined;
  #minThis = Infinity;
  #minLast = Infinity;
  #samples = 0;
  #average = 0;
  #lastConcurrencyCut = 0;
  /** The server's own count (`X-RateLimit-Remaining`), less what was sent since the answer that said it; undefined when not told. */
  #budget: number | undefined;
  /** The sequence number of the request whose answer set the budget (older answers say less), and of the last one sent. */
  #budgetSeq = -1;
  #seq = 0;
  readonly #inFlightSeqs = new Set<number>();
  /** Calls fail unsent until then, with `#closedBy`'s words: a Retry-After past the longest wait, or a stall. */
  #closedUntil = 0;
  #closedBy: (operation: string) => PartneroError = (operation) => this.#rateLimitError(operation, 'the rate limiter is closed');

  /** A 429 the limiter raises itself (a stall, a pause past the longest wait): nothing was sent for it. */
  #rateLimitError(operation: string, message: string, retryAfterMs?: number): PartneroError {
    return new this.#tools.RateLimitError({ operation, method: '', url: '', status: 429, headers: new Headers(), body: { message } }, retryAfterMs);
  }
  /** 429s in a row with no other answer, since `#refusedSince`. */
  #refused = 0;
  #refusedSince = 0;
  #reported: RateState | undefined;

  constructor(store: RateStore, limits: Pick<Limits, 'maxConcurrency' | 'maxRequestsPerSecond' | 'onRate'>, tools: Tools, now: () => number = Date.now) {
    this.#store = store;
    this.#tools = tools;
    this.#maxConcurrency = limits.maxConcurrency;
    this.#maxRate = limits.maxRequestsPerSecond;
    this.#onRate = limits.onRate;
    this.#now = now;
    this.#concurrency = Math.min(INITIAL_CONCURRENCY, limits.maxConcurrency);
  }

  /** The rate now, in requests per second, capped. */
  rate(): number {
    return Math.min(this.#maxRate, rateAt(this.#store.state(), this.#now()));
  }

  /** The concurrency limit now (for tests and the bench). */
  get concurrency(): number {
    return Math.floor(this.#concurrency);
  }

  async run<T extends AttemptOutcome>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T | PartneroError> {
    const { RequestAbortedError, parseRetryAfter, maxRetryAfterMs } = this.#tools;
    for (let requeue = 0; ; requeue++) {
      const grant = await this.#acquire(operation, signal);
      if (grant !== true) return grant === false ? RequestAbortedError.of(operation, signal) : grant;
      const sentAt = this.#now();
      const rate = this.rate();
      const seq = ++this.#seq;
      this.#inFlightSeqs.add(seq);
      let outcome: T;
      try {
        outcome = await attempt();
      } finally {
        this.#inFlight--;
        this.#inFlightSeqs.delete(seq);
      }
      const now = this.#now();
      const response = outcome instanceof Error ? undefined : outcome.response;
      const told = response ? serverLimitOf(response.headers, now) : undefined;
      if (told && seq > this.#budgetSeq) {
        this.#budgetSeq = seq;
        this.#budget = told.remaining - [...this.#inFlightSeqs].filter((each) => each > seq).length;
      }
      if (response) this.#count(sentAt, response.status === 429);
      if (response?.status === 429) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        const until = told?.resetAt ?? (retryAfter === undefined ? undefined : now + retryAfter);
        if (told && until !== undefined) {
          // The server counts, and this is its window's end, not an overshoot to learn from:
          // wait for the reset, then the window's whole limit is there again.
          this.#store.pause(until);
          this.#budget = told.limit;
          this.#budgetSeq = this.#seq;
        } else {
          // Where most answers since the last cut were 429s (leaving slow start, far above the
          // limit), the share let through says how far: the cut goes there at once, not 0.8 at a time.
          // (Counted from the request that drew the last cut: the bucket was empty then and now.)
          // Only far above it (under a third let through): nearer, the share is too noisy a guide.
          const { accepted, refused } = this.#answers;
          const share = accepted + refused >= 4 && refused > 2 * accepted ? (accepted + 1) / (accepted + refused) : 1;
          if (sentAt >= cutGraceEnd(this.#store.state())) this.#answers = { from: sentAt, accepted: 0, refused: 1 };
          this.#store.cut(sentAt, rate * share, now);
          // A second or less is a token bucket's "a moment", which the cut's pacing gives.
          if (retryAfter !== undefined && retryAfter > RETRY_AFTER_HINT_MS) this.#store.pause(until!);
        }
        this.#report();
        const stalled = this.#refusedRun(operation, now);
        if (stalled) return stalled;
        if (until !== undefined && until - now > maxRetryAfterMs) {
          // The transport throws this one's RateLimitError, with the delay on it; the rest fail now.
          this.#close(until, (op) => this.#rateLimitError(op, `the server asked to wait ${Math.ceil((until - this.#now()) / 1000)} s (Retry-After), longer than the ${maxRetryAfterMs / 1000} s the client waits: not sent; retry after ${new Date(until).toISOString()}`, Math.max(0, until - this.#now())));
          this.#settled();
          return outcome;
        }
        this.#pump();
        if (requeue < MAX_REQUEUES && !signal?.aborted) continue;
        this.#settled();
        return outcome;
      }
      if (response) {
        this.#refused = 0;
        this.#store.accepted(now);
        this.#sample(now - sentAt, response.ok);
        this.#report();
      }
      this.#pump();
      this.#settled();
      return outcome;
    }
  }

  /** Answers to requests sent since the one that drew the last cut (or the start). */
  #answers = { from: -Infinity, accepted: 0, refused: 0 };

  #count(sentAt: number, refused: boolean): void {
    if (sentAt < this.#answers.from) return;
    if (refused) this.#answers.refused++;
    else this.#answers.accepted++;
  }

  /** Counts a 429 in the run of them; past STALL_MS and STALL_REFUSALS with no other answer, stops every call and returns this one's error. */
  #refusedRun(operation: string, now: number): PartneroError | undefined {
    if (this.#refused++ === 0) this.#refusedSince = now;
    if (this.#refused < STALL_REFUSALS || now - this.#refusedSince < STALL_MS) return undefined;
    const words = `the server answered 429 to each of the last ${this.#refused} requests over ${Math.round((now - this.#refusedSince) / 1000)} s and let none through, so the rate limiter stopped (the limit may be a quota that lasts longer than a pause, or the API key is blocked): not sent; try again later`;
    this.#refused = 0;
    this.#close(now + STALL_MS, (op) => this.#rateLimitError(op, words));
    this.#settled();
    return this.#closedBy(operation);
  }

  /** Until `until`, every call fails unsent with `error`: those queued now, and those that come. */
  #close(until: number, error: (operation: string) => PartneroError): void {
    this.#closedUntil = Math.max(this.#closedUntil, until);
    this.#closedBy = error;
    for (const waiter of this.#queue.splice(0)) waiter.settle(error(waiter.operation));
    this.#pacing?.abort();
    this.#clearTimer();
  }

  /** Tells `onRate` of a new learnt rate. */
  #report(): void {
    const state = this.#store.state();
    if (state === this.#reported || state.peak === 0 || this.#onRate === undefined) return;
    this.#reported = state;
    this.#onRate(state.peak);
  }

  /** Tells the store when nothing is queued or in flight (Redis then lets its connections go after a while). */
  #settled(): void {
    if (this.#inFlight === 0 && this.#queue.length === 0) {
      this.#clearTimer();
      this.#store.idle?.();
    }
  }

  /** Latency gradient: cut the concurrency when the recent average climbs well above the windowed minimum, grow it while answers are fast. */
  #sample(latency: number, ok: boolean): void {
    this.#minThis = Math.min(this.#minThis, latency);
    if (++this.#samples % WINDOW === 0) {
      this.#minLast = this.#minThis;
      this.#minThis = Infinity;
    }
    const baseline = Math.min(this.#minThis, this.#minLast);
    this.#average = this.#samples === 1 ? latency : this.#average * 0.8 + latency * 0.2;
    const now = this.#now();
    if (this.#average > baseline * LATENCY_TOLERANCE && this.#average - baseline > LATENCY_SLACK_MS) {
      // One cut per round trip: the answers already on their way say nothing about it yet.
      if (now - this.#lastConcurrencyCut < this.#average) return;
      this.#lastConcurrencyCut = now;
      this.#slowStart = false;
      this.#concurrency = Math.max(1, Math.floor(this.#concurrency * 0.8));
      return;
    }
    // Grown only when it was the limit that held the calls back.
    if (ok && this.#inFlight + 1 >= Math.floor(this.#concurrency)) {
      this.#concurrency = Math.min(this.#maxConcurrency, this.#concurrency + (this.#slowStart ? 1 : 1 / this.#concurrency));
    }
  }

  /** Resolves true when the call may send, false if its signal aborted first, or the error it fails with unsent. */
  #acquire(operation: string, signal: AbortSignal | undefined): Promise<Grant> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.#now() < this.#closedUntil) return Promise.resolve(this.#closedBy(operation));
    return new Promise((resolve) => {
      let stop = noop;
      const waiter: Waiter = {
        operation,
        signal,
        settle: (grant) => {
          stop();
          resolve(grant);
        },
      };
      if (signal) {
        stop = this.#tools.onAbort(signal, () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) {
            this.#queue.splice(index, 1);
            resolve(false);
            this.#settled();
          } else if (waiter === this.#head) {
            // Waiting on Redis for its slot: stop waiting (once let through, the attempt itself reports the abort).
            this.#pacing?.abort();
          }
        });
      }
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** The call waiting for its slot on the key's timeline (Redis). */
  #head: Waiter | undefined;

  /** Lets through as many waiting calls as the pause, the server's count, the concurrency and the rate allow; sets a timer for the rest. */
  #pump(): void {
    while (this.#queue.length > 0) {
      const now = this.#now();
      const pausedUntil = this.#store.pausedUntil();
      if (now < pausedUntil) {
        // Published by another process on the key: past the longest wait, the calls fail now.
        if (pausedUntil - now > this.#tools.maxRetryAfterMs) {
          this.#close(pausedUntil, (op) => this.#rateLimitError(op, `the rate limit is paused until ${new Date(pausedUntil).toISOString()}, longer than the ${this.#tools.maxRetryAfterMs / 1000} s the client waits: not sent; retry then`, Math.max(0, pausedUntil - this.#now())));
          return;
        }
        return this.#wake(pausedUntil);
      }
      if (this.#inFlight >= Math.floor(this.#concurrency)) return;
      // None left of the server's count: wait for an answer; with none on its way, one request asks.
      if (this.#budget !== undefined && this.#budget <= 0 && this.#inFlight > 0) return;
      if (this.#store.pace) return this.#paceShared();
      // GCRA (a token bucket of two): one request of slack, so that timer lateness does not lower the rate.
      const interval = 1000 / this.rate();
      if (now < this.#nextAt - interval) return this.#wake(this.#nextAt - interval);
      this.#nextAt = Math.max(this.#nextAt, now) + interval;
      this.#let(now);
      this.#queue.shift()!.settle(true);
    }
  }

  #let(now: number): void {
    this.#inFlight++;
    if (this.#budget !== undefined) this.#budget--;
    this.#store.sent(now);
  }

  /**
   * Redis: the key-wide pacing decides when. One call of this process at a time waits for its
   * slot there (the rest wait here), so that this process holds no slot it is not about to use.
   * An abort of that call, a Redis that fails or stalls (a command timeout) end the wait.
   */
  #paceShared(): void {
    if (this.#pacing) return;
    const pacing = new AbortController();
    this.#pacing = pacing;
    const waiter = this.#queue.shift()!;
    this.#head = waiter;
    this.#inFlight++;
    let finished = false;
    const done = (grant: Grant): void => {
      if (finished) return;
      finished = true;
      this.#pacing = undefined;
      this.#head = undefined;
      this.#inFlight--;
      if (grant === true) this.#let(this.#now());
      // Stopped by #close (a pause past the longest wait, a stall): the call fails with its words.
      else if (grant === false && !waiter.signal?.aborted && this.#now() < this.#closedUntil) grant = this.#closedBy(waiter.operation);
      waiter.settle(grant);
      this.#pump();
      this.#settled();
    };
    pacing.signal.addEventListener('abort', () => done(false), { once: true });
    // Redis unreachable or stalled: this process paces itself at the rate it last knew (its share unknown).
    const alone = (): void => {
      if (finished) return;
      const now = this.#now();
      const at = Math.max(this.#nextAt, now);
      this.#nextAt = at + 1000 / this.rate();
      if (at <= now) return done(true);
      const timer = setTimeout(() => done(true), at - now);
      pacing.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    };
    this.#store.pace!(() => this.rate(), pacing.signal).then(() => done(true), alone);
  }

  #wake(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    this.#clearTimer();
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      this.#pump();
    }, Math.max(0, Math.ceil(at - this.#now())));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }
}

function noop(): void {}
