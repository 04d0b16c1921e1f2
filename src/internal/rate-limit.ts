// The adaptive rate limiter behind the client option `rateLimit` (issue 20), loaded by dynamic
// import on the first call of a client that asks for it: nothing here is in the main chunk.
//
// Partnero answers 429 but publishes no limits and no rate-limit headers, so the limiter learns
// the rate. Two controllers share one queue:
// - the rate (requests per second), for the key: it doubles every 100 ms from 20/s until the
//   first 429 ("slow start"), then follows TCP CUBIC's curve (RFC 9438) in time: cut to 0.8 of
//   the rate that drew the 429, back to it along a concave curve, then probing above it along a
//   convex one. The curve is a function of (rate at the cut, time of the cut) alone, so every
//   process sharing a key through Redis computes the same rate from the same two numbers.
// - the concurrency, per process: grown while answers are fast, cut when latency climbs (a
//   gradient on latency as in Netflix's concurrency-limits: a short-term average against the
//   windowed minimum).
// A 429 answer is sent again through the queue (it surely did nothing, so a create too) up to
// MAX_REQUEUES times without counting against the call's maxRetries; a Retry-After pauses every
// call of the client (and, with Redis, of every process on the key).
// It imports nothing from the client's own modules: what it needs of them comes in `Tools`
// (a module shared with the main chunk would be split into a chunk of its own, which makes
// the main chunk larger for everyone).
import type { InvalidOptionError, RequestAbortedError } from '../errors.js';

/** What the limiter takes from the client's main chunk (passed by client.ts). */
export interface Tools {
  readonly InvalidOptionError: typeof InvalidOptionError;
  readonly RequestAbortedError: typeof RequestAbortedError;
  readonly describeValue: (value: unknown) => string;
  readonly parseRetryAfter: (value: string | null) => number | undefined;
  readonly onAbort: (signal: AbortSignal, callback: () => void) => () => void;
  /** The longest Retry-After the transport waits for. */
  readonly maxRetryAfterMs: number;
}

/** The client option `rateLimit`: `'adaptive'`, or the same with caps and Redis. */
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
    };

/** What an attempt came to, as the transport sees it: an answer (`response`) or an error. */
export type AttemptOutcome = { readonly response: Response } | Error;

/** The hook in the transport: runs one attempt when the limiter lets it. */
export interface Limiter {
  run<T extends AttemptOutcome>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T | RequestAbortedError>;
}

/** Where the rate stands: set at every cut, read by every process on the key. */
export interface RateState {
  /** The rate (requests per second) that drew the last 429; 0 before the first one (slow start). */
  readonly peak: number;
  /** When the last cut was (epoch ms), or, in slow start, when it began. */
  readonly since: number;
}

/** The shared part of a limiter: the rate's state and the pause, in memory or in Redis. */
export interface RateStore {
  state(): RateState;
  pausedUntil(): number;
  /** A 429 for a request sent at `sentAt` when the rate was `rate`: cut, unless a cut came after it was sent. */
  cut(sentAt: number, rate: number, now: number): void;
  /** A request went out at `now` (for the rate actually sent, which a cut starts from). */
  sent(now: number): void;
  /** An answer other than 429 came (the server's limit let it through): for the rate accepted since the last cut. */
  accepted(): void;
  pause(until: number): void;
  /** Waits for the key-wide pacing (Redis) at the rate `rate()` gives when the slot is due; in memory, the queue paces. */
  pace?(rate: () => number): Promise<void>;
  /** Nothing queued or in flight. */
  idle?(): void;
}

export const INITIAL_RATE = 20;
export const DOUBLING_MS = 100;
/** What a cut keeps of the rate that drew the 429 (CUBIC's beta). */
export const BETA = 0.8;
/** The curve takes at least this long to come back to the peak... */
export const MIN_RETURN_MS = 1_000;
/** ...and at least as long as this many requests take at the peak, so that a 429 is rare at low rates too... */
export const RETURN_REQUESTS = 150;
/** ...but no longer than this: a peak learned too low (while the sending was still ramping up) must not stay low for long. */
export const MAX_RETURN_MS = 10_000;
export const MIN_RATE = 0.2;
/** How fast the curve grows past the peak: at PROBE above it one return time after. */
export const PROBE = 0.5;
/** How many 429s one attempt may meet in the queue before the transport sees one. */
export const MAX_REQUEUES = 10;
const DEFAULT_MAX_CONCURRENCY = 64;
const INITIAL_CONCURRENCY = 8;

/** How long the curve takes from a cut back to `peak` (ms). */
function returnMs(peak: number): number {
  return Math.max(MIN_RETURN_MS, Math.min(MAX_RETURN_MS, (RETURN_REQUESTS / peak) * 1000));
}

/**
 * The peak of the curve after a 429: the rate it came at (the lower of the allowed and the sent
 * rate). Halving it on leaving slow start, as TCP does, was tried: with the sent rate already
 * the lower one, it undershot, and the climb back from far below cost more than the 429s it saved.
 */
export function peakAfter(rate: number): number {
  return Math.max(MIN_RATE, rate);
}

/**
 * A 429 cuts only for a request sent this late or later (epoch ms): one interval, at the rate
 * just after the cut, past the last cut. Earlier ones say nothing new: a request sent before the
 * cut was sent at the old rate, and one sent in the first interval after it (the pacing lets one
 * go early) met the bucket the 429 had just found empty. Cutting for those cut twice, to 0.64 of
 * the peak, for one overshoot. In slow start, any 429 cuts.
 */
export function cutGraceEnd(state: RateState): number {
  return state.peak === 0 ? -Infinity : state.since + 1000 / Math.max(MIN_RATE, state.peak * BETA);
}

/** The rate (requests per second) `state` gives at `now`. */
export function rateAt(state: RateState, now: number): number {
  const elapsed = Math.max(0, now - state.since);
  if (state.peak === 0) return Math.min(INITIAL_RATE * 2 ** (elapsed / DOUBLING_MS), 1e6);
  const back = returnMs(state.peak);
  const x = elapsed / back - 1; // -1 at the cut, 0 back at the peak.
  // Past the peak it probes faster than it came back (PROBE > 1 - BETA): a peak learned too low
  // must not hold the rate down for long.
  return Math.max(MIN_RATE, state.peak * (1 + (x < 0 ? 1 - BETA : PROBE) * x ** 3));
}

/** The rate accepted since the last cut bounds the next cut once the cut is this old... */
export const ACCEPTED_MIN_MS = 1_000;
/** ...and this many answers came through since. */
export const ACCEPTED_MIN = 8;

/**
 * The rate the server let through since the last cut (answers other than 429 a second), or
 * Infinity while too little is known. Since a 429 both ends and (through the cut) began the
 * span, the server's bucket was empty at both ends, so this is at most the allowed rate: a
 * bound from below, where the rate a 429 came at is one from above. Without it, the peak stays
 * where the bucket's burst let the sending run ahead of the limit, and the next 429 comes early;
 * after a Retry-After pause it is what the pause let through.
 */
export function acceptedRate(accepted: number, since: number, now: number): number {
  return now - since >= ACCEPTED_MIN_MS && accepted >= ACCEPTED_MIN ? (accepted * 1000) / (now - since) : Infinity;
}

/** Requests are counted in slots of this many ms, over SENT_SLOTS slots, for the rate actually sent. */
export const SLOT_MS = 250;
export const SENT_SLOTS = 8;

/**
 * The rate actually sent (requests per second) from per-slot counts (the newest slot first) and
 * the time of each slot's first request: the total over the time the sending lasted, counting
 * only slots that saw requests (idle time does not dilute it) and, where sending began in a slot,
 * only from its first request. A cut starts from the lower of this and the allowed rate: in slow
 * start the allowed rate runs far ahead of what is sent.
 */
export function sentRate(counts: readonly number[], firsts: readonly number[], now: number): number {
  let total = 0;
  let ms = 0;
  const slotStart = Math.floor(now / SLOT_MS) * SLOT_MS;
  counts.forEach((count, age) => {
    if (count === 0) return;
    total += count;
    const start = slotStart - age * SLOT_MS;
    const end = age === 0 ? now : start + SLOT_MS;
    ms += end - ((counts[age + 1] ?? 0) > 0 ? start : (firsts[age] ?? start));
  });
  return total === 0 ? Infinity : (total * 1000) / Math.max(ms, 1000 / INITIAL_RATE);
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

  constructor(now: number) {
    this.#state = { peak: 0, since: now };
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
    const bound = Math.min(rate, sentRate(this.#counts, this.#firsts, now), acceptedRate(this.#accepted, this.#state.since, now));
    this.#state = { peak: peakAfter(bound), since: now };
    this.#accepted = 0;
  }

  accepted(): void {
    this.#accepted++;
  }

  sent(now: number): void {
    this.#roll(now);
    if (this.#counts[0]!++ === 0) this.#firsts[0] = now;
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

/** The limits `option` sets, checked: InvalidOptionError names the field. */
export function limitsOf(option: unknown, { InvalidOptionError, describeValue }: Tools): { maxConcurrency: number; maxRequestsPerSecond: number; redis?: string | object; key: string } {
  if (option === 'adaptive') return { maxConcurrency: DEFAULT_MAX_CONCURRENCY, maxRequestsPerSecond: Infinity, key: 'partnero' };
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new InvalidOptionError('rateLimit', `must be 'adaptive' or an object { maxConcurrency?, maxRequestsPerSecond?, redis?, key? }, got ${describeValue(option)}`);
  }
  const { maxConcurrency, maxRequestsPerSecond, redis, key, ...rest } = option as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new InvalidOptionError(`rateLimit.${unknown}`, 'is not an option of rateLimit (maxConcurrency, maxRequestsPerSecond, redis, key)');
  }
  if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || (maxConcurrency as number) < 1 || (maxConcurrency as number) > 10_000)) {
    throw new InvalidOptionError('rateLimit.maxConcurrency', `must be an integer from 1 to 10000, got ${describeValue(maxConcurrency)}`);
  }
  if (maxRequestsPerSecond !== undefined && (typeof maxRequestsPerSecond !== 'number' || !(maxRequestsPerSecond >= MIN_RATE) || !Number.isFinite(maxRequestsPerSecond))) {
    throw new InvalidOptionError('rateLimit.maxRequestsPerSecond', `must be a number of at least ${MIN_RATE}, got ${describeValue(maxRequestsPerSecond)}`);
  }
  if (redis !== undefined && !(typeof redis === 'string' && /^(rediss?|unix):\/\//.test(redis)) && (typeof redis !== 'object' || redis === null)) {
    throw new InvalidOptionError('rateLimit.redis', `must be a redis://, rediss:// or unix:// URL, or an ioredis client, got ${describeValue(typeof redis === 'string' ? redis.replace(/\/\/.*@/, '//…@') : redis)}`);
  }
  if (key !== undefined && (typeof key !== 'string' || !/^[\w.:-]{1,100}$/.test(key))) {
    throw new InvalidOptionError('rateLimit.key', `must be 1 to 100 letters, digits, or . : _ -, got ${describeValue(key)}`);
  }
  return {
    maxConcurrency: (maxConcurrency as number | undefined) ?? DEFAULT_MAX_CONCURRENCY,
    maxRequestsPerSecond: (maxRequestsPerSecond as number | undefined) ?? Infinity,
    ...(redis === undefined ? {} : { redis: redis as string | object }),
    key: (key as string | undefined) ?? 'partnero',
  };
}

/** The limiter for the client option `rateLimit` (the transport's hook calls this once, on the first call). */
export async function createLimiter(option: unknown, tools: Tools): Promise<Limiter> {
  const limits = limitsOf(option, tools);
  if (limits.redis === undefined) return new AdaptiveLimiter(new MemoryStore(Date.now()), limits, tools);
  const { redisStore } = await import('./rate-limit-redis.js');
  return new AdaptiveLimiter(await redisStore(limits.redis, limits.key, tools), limits, tools);
}

interface Waiter {
  readonly grant: () => void;
  readonly signal: AbortSignal | undefined;
}

/** Windowed minimum over WINDOW samples (this window's and the last one's), the latency baseline. */
const WINDOW = 100;
/** Latency counts as climbing past this multiple of the baseline, and this many ms above it (jitter). */
const LATENCY_TOLERANCE = 2;
const LATENCY_SLACK_MS = 50;

/** The queue, the two controllers and the requeueing of 429s. */
export class AdaptiveLimiter implements Limiter {
  readonly #store: RateStore;
  readonly #tools: Tools;
  readonly #maxConcurrency: number;
  readonly #maxRate: number;
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
  #pacing = false;
  #minThis = Infinity;
  #minLast = Infinity;
  #samples = 0;
  #average = 0;
  #lastConcurrencyCut = 0;

  constructor(store: RateStore, limits: { maxConcurrency: number; maxRequestsPerSecond: number }, tools: Tools, now: () => number = Date.now) {
    this.#store = store;
    this.#tools = tools;
    this.#maxConcurrency = limits.maxConcurrency;
    this.#maxRate = limits.maxRequestsPerSecond;
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

  async run<T extends AttemptOutcome>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T | RequestAbortedError> {
    const { RequestAbortedError, parseRetryAfter, maxRetryAfterMs } = this.#tools;
    for (let requeue = 0; ; requeue++) {
      if (!(await this.#acquire(signal))) return RequestAbortedError.of(operation, signal);
      const sentAt = this.#now();
      const rate = this.rate();
      let outcome: T;
      try {
        outcome = await attempt();
      } finally {
        this.#inFlight--;
      }
      const latency = this.#now() - sentAt;
      const response = outcome instanceof Error ? undefined : outcome.response;
      if (response?.status === 429) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        this.#store.cut(sentAt, rate, this.#now());
        if (retryAfter !== undefined) this.#store.pause(this.#now() + Math.min(retryAfter, maxRetryAfterMs));
        this.#pump();
        // A Retry-After beyond the transport's longest wait is its error to throw, at once.
        if (requeue < MAX_REQUEUES && (retryAfter === undefined || retryAfter <= maxRetryAfterMs) && !signal?.aborted) continue;
        this.#settled();
        return outcome;
      }
      if (response) {
        this.#store.accepted();
        this.#sample(latency, response.ok);
      }
      this.#pump();
      this.#settled();
      return outcome;
    }
  }

  /** Tells the store when nothing is queued or in flight (Redis then lets its connections go after a while). */
  #settled(): void {
    if (this.#inFlight === 0 && this.#queue.length === 0) this.#store.idle?.();
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

  /** Resolves true when the call may send, false if its signal aborted first. */
  #acquire(signal: AbortSignal | undefined): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      let stop = noop;
      const waiter: Waiter = {
        signal,
        grant: () => {
          stop();
          resolve(true);
        },
      };
      if (signal) {
        stop = this.#tools.onAbort(signal, () => {
          // Once let through (waiting for the key-wide pacing), the attempt itself reports the abort.
          const index = this.#queue.indexOf(waiter);
          if (index < 0) return;
          this.#queue.splice(index, 1);
          resolve(false);
          this.#settled();
        });
      }
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** Lets through as many waiting calls as the pause, the concurrency and the rate allow; sets a timer for the rest. */
  #pump(): void {
    while (this.#queue.length > 0) {
      const now = this.#now();
      const pausedUntil = this.#store.pausedUntil();
      if (now < pausedUntil) return this.#wake(pausedUntil);
      if (this.#inFlight >= Math.floor(this.#concurrency)) return;
      if (this.#store.pace) return this.#paceShared();
      // GCRA (a token bucket of two): one request of slack, so that timer lateness does not lower the rate.
      const interval = 1000 / this.rate();
      if (now < this.#nextAt - interval) return this.#wake(this.#nextAt - interval);
      this.#nextAt = Math.max(this.#nextAt, now) + interval;
      this.#inFlight++;
      this.#store.sent(now);
      this.#queue.shift()!.grant();
    }
  }

  /**
   * Redis: the key-wide pacing decides when. One call of this process at a time waits for its
   * slot there (the rest wait here), so that this process holds no slot it is not about to use.
   */
  #paceShared(): void {
    if (this.#pacing) return;
    this.#pacing = true;
    this.#inFlight++;
    const waiter = this.#queue.shift()!;
    const go = (): void => {
      this.#pacing = false;
      waiter.grant();
      this.#pump();
    };
    // Redis unreachable: this process paces itself at the rate it last knew (its share unknown).
    const alone = (): void => {
      const now = this.#now();
      const at = Math.max(this.#nextAt, now);
      this.#nextAt = at + 1000 / this.rate();
      setTimeout(go, at - now);
    };
    this.#store.pace!(() => this.rate()).then(go, alone);
  }

  #wake(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      this.#pump();
    }, Math.max(0, Math.ceil(at - this.#now())));
  }
}

function noop(): void {}
