// One operation over many inputs: a bounded number of calls in flight, inputs read only as far
// ahead as the results allow (so an async iterable of 100,000 rows is never held), results
// delivered in input order, one input's failure isolated from the others. The task is the
// caller's own call of a client method; bulk gives it a signal and the write's outcome callback
// (interface C), and never runs a task twice: the client's safe create is what keeps a create
// exactly-once, so bulk must not retry on top of it.
import { InvalidOptionError, PartneroError, RequestAbortedError, describeValue } from '../errors.js';
import { checkCount, checkSignal } from '../internal/options.js';
import { onAbort } from '../internal/sleep.js';
import type { WriteOutcome } from '../operation-types.js';


/** What became of one input: done (`ok`), already there and ours (`existing`), or `failed`. */
export type BulkOutcome = 'ok' | 'existing' | 'failed';

/** The result of one input. */
export interface BulkResult<Input, Result> {
  /** The input's position, from 0, in the order the inputs were read. */
  readonly index: number;
  readonly input: Input;
  readonly outcome: BulkOutcome;
  /** What the task resolved to (`ok` and `existing`). */
  readonly result?: Result;
  /** What the task threw (`failed`). */
  readonly error?: unknown;
  /** What the write reported through `onOutcome`, when it did: `recovered` is an `ok` whose first attempt failed ambiguously. */
  readonly writeOutcome?: WriteOutcome;
}

/** The call options bulk gives each task: pass them on to the client's method. */
export interface BulkCall {
  /** Aborts when the run is cancelled (the caller's signal, `stopOnError` does not abort). */
  readonly signal: AbortSignal;
  /** The write's outcome, as the client reports it (interface C of the client's write options). */
  readonly onOutcome: (outcome: WriteOutcome) => void;
}

/** Counts so far, after each input settles. */
export interface BulkProgress {
  /** Inputs started. */
  readonly started: number;
  /** Inputs settled: `ok + existing + failed`. */
  readonly done: number;
  readonly ok: number;
  readonly existing: number;
  readonly failed: number;
  /** Calls in flight now. */
  readonly inFlight: number;
  /** How many inputs there are, when known (an array, or the `total` option). */
  readonly total?: number;
}

/** Options of `bulk`. */
export interface BulkOptions<Input, Result> {
  /** Calls in flight at once, 1 to 1000. Default 8. With the client's `rateLimit`, this is a cap and the limiter sets the pace. */
  readonly concurrency?: number;
  /**
   * How many inputs may be started ahead of the oldest result not yet delivered (at least
   * `concurrency`). Default 4 × concurrency. It bounds what is held while an early input is slow.
   */
  readonly window?: number;
  /** Cancels the run: calls in flight are aborted, nothing more is started, and the iteration throws RequestAbortedError once the started inputs are delivered. */
  readonly signal?: AbortSignal;
  /** Stop starting inputs after the first failure; the iteration then throws BulkStoppedError once the started inputs are delivered. Default false. */
  readonly stopOnError?: boolean;
  /** Called after each input settles, in the order they settle. If it throws, the run stops as it does when `onSettled` throws. */
  readonly onProgress?: (progress: BulkProgress) => void;
  /**
   * Called with each result as it settles (completion order), before it is delivered in input
   * order. If it throws (a record that cannot be written), the result stays what it was, nothing
   * more is started, the calls in flight finish (and are passed to it too), and the iteration
   * throws BulkCallbackError once the started inputs are delivered.
   */
  readonly onSettled?: (result: BulkResult<Input, Result>) => void;
  /** The number of inputs, for `progress.total` when the inputs are an iterable. */
  readonly total?: number;
}

/** Thrown by a `bulk` iteration with `stopOnError` after an input failed; `cause` is its error. */
export class BulkStoppedError extends PartneroError {
  override name = 'BulkStoppedError';
  /** The index of the input that failed first. */
  readonly index: number;

  constructor(index: number, cause: unknown) {
    super(`bulk: stopped after input ${index} failed (stopOnError): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.index = index;
  }
}

/** Thrown by a `bulk` iteration after `onSettled` or `onProgress` threw; `cause` is what it threw first. */
export class BulkCallbackError extends PartneroError {
  override name = 'BulkCallbackError';
  /** The callback that threw. */
  readonly callback: 'onSettled' | 'onProgress';
  /** The input whose result it was given when it threw. */
  readonly index: number;

  constructor(callback: 'onSettled' | 'onProgress', index: number, cause: unknown) {
    super(`bulk: stopped because ${callback} threw for input ${index}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.callback = callback;
    this.index = index;
  }
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Runs `task` on every input, `concurrency` at a time, and delivers each input's result in
 * input order: `for await (const { index, outcome, result, error } of bulk(rows, task))`.
 * Breaking out of the loop cancels what is in flight. The run starts on the first iteration
 * and can be iterated once.
 */
export function bulk<Input, Result>(
  inputs: Iterable<Input> | AsyncIterable<Input>,
  task: (input: Input, call: BulkCall, index: number) => Promise<Result> | Result,
  options: BulkOptions<Input, Result> = {},
): AsyncIterable<BulkResult<Input, Result>> {
  const settings = checkOptions(inputs, task, options);
  let used = false;
  return {
    [Symbol.asyncIterator]() {
      if (used) throw new InvalidOptionError('inputs', 'a bulk run can be iterated once; call bulk() again for another run', 'bulk');
      used = true;
      return run(inputs, task, options, settings)[Symbol.asyncIterator]();
    },
  };
}

interface Settings {
  readonly concurrency: number;
  readonly window: number;
  readonly signal: AbortSignal | undefined;
  readonly total: number | undefined;
}

function checkOptions<Input, Result>(inputs: unknown, task: unknown, options: BulkOptions<Input, Result>): Settings {
  const where = 'bulk';
  const iterable = inputs !== null && typeof inputs === 'object' && (Symbol.iterator in inputs || Symbol.asyncIterator in inputs);
  if (!iterable) throw new InvalidOptionError('inputs', `must be an array or an (async) iterable, got ${describeValue(inputs)}`, where);
  if (typeof task !== 'function') throw new InvalidOptionError('task', `must be a function (input, call) => Promise, got ${describeValue(task)}`, where);
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', `must be an object or left out, got ${describeValue(options)}`, where);
  const concurrency = checkCount('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, 1, 1000, where);
  const window = checkCount('window', options.window ?? 4 * concurrency, concurrency, 1_000_000, where);
  for (const name of ['onProgress', 'onSettled'] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'function') throw new InvalidOptionError(name, `must be a function or left out, got ${describeValue(value)}`, where);
  }
  if (options.stopOnError !== undefined && typeof options.stopOnError !== 'boolean') {
    throw new InvalidOptionError('stopOnError', `must be true or false, got ${describeValue(options.stopOnError)}`, where);
  }
  const total = Array.isArray(inputs) ? inputs.length : options.total === undefined ? undefined : checkCount('total', options.total, 0, Number.MAX_SAFE_INTEGER, where);
  return { concurrency, window, signal: checkSignal(options.signal, where), total };
}

async function* run<Input, Result>(
  inputs: Iterable<Input> | AsyncIterable<Input>,
  task: (input: Input, call: BulkCall, index: number) => Promise<Result> | Result,
  options: BulkOptions<Input, Result>,
  { concurrency, window, signal, total }: Settings,
): AsyncGenerator<BulkResult<Input, Result>> {
  const source: Iterator<Input> | AsyncIterator<Input> =
    Symbol.asyncIterator in inputs ? (inputs as AsyncIterable<Input>)[Symbol.asyncIterator]() : (inputs as Iterable<Input>)[Symbol.iterator]();
  const controller = new AbortController();
  /** Settled results not yet delivered, by index: at most `window` of them. */
  const settled = new Map<number, BulkResult<Input, Result>>();
  const running = new Set<Promise<void>>();
  const counts = { started: 0, done: 0, ok: 0, existing: 0, failed: 0 };
  let read = 0; // inputs read (and started)
  let delivered = 0;
  let exhausted = false;
  let stopped: { index: number; error: unknown } | undefined;
  /** The first callback that threw: the run starts nothing more and throws it at the end. */
  let broken: BulkCallbackError | undefined;
  let wake: () => void = () => {};
  const stopWaiting = signal ? onAbort(signal, () => {
    controller.abort(signal.reason);
    wake();
  }) : () => {};

  const start = (input: Input, index: number): void => {
    counts.started += 1;
    let writeOutcome: WriteOutcome | undefined;
    const call: BulkCall = { signal: controller.signal, onOutcome: (outcome) => void (writeOutcome = outcome) };
    const settle = (result: BulkResult<Input, Result>): void => {
      counts.done += 1;
      counts[result.outcome] += 1;
      if (result.outcome === 'failed' && options.stopOnError && !stopped) stopped = { index, error: result.error };
      settled.set(index, result);
      // A callback that throws (a journal that cannot be written) changes nothing of this
      // result, which is settled once: it stops the run, as the caller could not keep up.
      let callback: 'onSettled' | 'onProgress' = 'onSettled';
      try {
        options.onSettled?.(result);
        callback = 'onProgress';
        options.onProgress?.({ ...counts, inFlight: counts.started - counts.done, ...(total !== undefined ? { total } : {}) });
      } catch (error) {
        broken ??= new BulkCallbackError(callback, index, error);
      }
      wake();
    };
    const done = (async () => {
      let result: BulkResult<Input, Result>;
      try {
        const value = await task(input, call, index);
        result = { index, input, outcome: writeOutcome === 'existing' ? 'existing' : 'ok', result: value, ...(writeOutcome ? { writeOutcome } : {}) };
      } catch (error) {
        result = { index, input, outcome: 'failed', error, ...(writeOutcome ? { writeOutcome } : {}) };
      }
      settle(result);
    })().finally(() => running.delete(done));
    running.add(done);
  };

  let finished = false;
  try {
    for (;;) {
      while (!exhausted && !stopped && !broken && !controller.signal.aborted && running.size < concurrency && read - delivered < window) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else start(next.value, read++);
      }
      while (settled.has(delivered)) {
        const result = settled.get(delivered)!;
        settled.delete(delivered);
        delivered += 1;
        yield result;
      }
      if (delivered === read && (exhausted || stopped || broken || controller.signal.aborted)) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        // A result may have settled, or the signal aborted, while this generator was suspended.
        if (settled.has(delivered) || (controller.signal.aborted && running.size === 0)) resolve();
        else if (!controller.signal.aborted && !stopped && !broken && !exhausted && running.size < concurrency && read - delivered < window) resolve();
      });
    }
    finished = true;
    if (broken) throw broken;
    if (signal?.aborted) throw RequestAbortedError.of('bulk', signal);
    if (stopped) throw new BulkStoppedError(stopped.index, stopped.error);
  } finally {
    stopWaiting();
    // Broken out of, or an input could not be read: cancel what is in flight and wait for it,
    // so that nothing is left running once the loop is over.
    if (!finished) controller.abort(new RequestAbortedError('bulk: the iteration was left early'));
    while (running.size) await Promise.all(running);
    if (!exhausted) {
      try {
        await source.return?.();
      } catch {
        // The source's own clean-up failed; what the run reports stays the run's outcome.
      }
    }
  }
}
