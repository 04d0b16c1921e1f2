// What the adaptive limiter (rate-limit.ts) and its Redis store (rate-limit-redis.ts) share: the
// rate curve, the bounds of a cut, and the interfaces between the two. A module of its own so
// that neither imports the other at load time (the Redis store is a lazy chunk of its own, and
// the limiter imports it only when `redis` is given); like both, nothing here is in the main chunk.
import type { InvalidOptionError, RateLimitError, RequestAbortedError } from '../errors.js';

/** What the limiter takes from the client's main chunk (passed by client.ts). */
export interface Tools {
  readonly InvalidOptionError: typeof InvalidOptionError;
  readonly RequestAbortedError: typeof RequestAbortedError;
  /** The class of the 429 that the limiter raises itself, saying why it did not send. Final: the transport does not retry it. */
  readonly RateLimitError: typeof RateLimitError;
  readonly describeValue: (value: unknown) => string;
  readonly parseRetryAfter: (value: string | null) => number | undefined;
  readonly onAbort: (signal: AbortSignal, callback: () => void) => () => void;
  /** The longest Retry-After the transport waits for. */
  readonly maxRetryAfterMs: number;
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
  /** An answer other than 429 came at `now` (the server's limit let it through): for the rate accepted since the last cut. */
  accepted(now: number): void;
  pause(until: number): void;
  /**
   * Waits for the key-wide pacing (Redis) at the rate `rate()` gives when the slot is due; in
   * memory, the queue paces. Rejects when Redis fails or stalls (the caller then paces alone),
   * and with `signal`'s abort.
   */
  pace?(rate: () => number, signal: AbortSignal): Promise<void>;
  /** Nothing queued or in flight. */
  idle?(): void;
}

export const INITIAL_RATE = 20;
export const DOUBLING_MS = 200;
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

/** How long the curve takes from a cut back to `peak` (ms). */
export function returnMs(peak: number): number {
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
 * Where a run starts: slow start, or, given the rate an earlier run learnt (`initialRate`, from
 * the CLI's journal or the caller), the state just after a cut at that rate: 0.8 of it, back to
 * it within the return time, no 429 needed to find it again.
 */
export function startState(now: number, initialRate?: number): RateState {
  return initialRate === undefined ? { peak: 0, since: now } : { peak: peakAfter(initialRate), since: now };
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

/** The rate accepted since the last cut bounds the next cut once the sending since lasted this long (shorter spans are at the mercy of latency jitter). */
export const ACCEPTED_MIN_MS = 250;

/**
 * A bound on the rate the server allows, from what it let through since the last cut: answers
 * other than 429 a second, counting one more (`accepted + 1` over `activeMs`, the time since the
 * cut when something was being sent: idle time does not count), or Infinity while the span is
 * too short. Since a 429 both ends and (through the cut) began the span, the server's bucket had
 * less than one request's worth at both ends, so what it refilled in between is less than
 * `accepted + 1`: a bound from above on the allowed rate that needs no long span. Without it,
 * the peak stays where the bucket's burst let the sending run ahead of the limit, and leaving
 * slow start takes a 429 for each cut of 0.8 down to the limit.
 */
export function acceptedRate(accepted: number, activeMs: number): number {
  return activeMs >= ACCEPTED_MIN_MS ? ((accepted + 1) * 1000) / activeMs : Infinity;
}

/**
 * A gap between two requests or answers longer than this counts as idle, not as sending: four
 * intervals at the rate `rate`, and at least a second.
 */
export function idleGapMs(rate: number): number {
  return Math.max(1_000, 4_000 / rate);
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
