// Waiting on a caller's AbortSignal: one shared listener per signal, however many calls wait on it.
//
// Each call used to add its own `abort` listener to the caller's signal. Fifty concurrent calls
// on one signal then held fifty listeners, and past ten Node prints MaxListenersExceededWarning,
// which users read as a leak. Here every signal gets at most one listener, added when the first
// call starts waiting on it and removed when the last one stops, so nothing stays on the signal.

interface Subscribers {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const subscribers = new WeakMap<AbortSignal, Subscribers>();

/**
 * Calls `callback` once when `signal` aborts (at once if it already has); returns the function
 * that stops waiting. Each subscription needs its own `callback` function. The signal holds one listener for all its subscribers, and none once the
 * last has stopped.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return noop;
  }
  let entry = subscribers.get(signal);
  if (entry === undefined) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      subscribers.delete(signal);
      for (const each of callbacks) each();
      callbacks.clear();
    };
    entry = { callbacks, listener };
    subscribers.set(signal, entry);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = entry;
  callbacks.add(callback);
  return () => {
    if (!callbacks.delete(callback) || callbacks.size > 0) return;
    if (subscribers.get(signal)?.callbacks === callbacks) subscribers.delete(signal);
    signal.removeEventListener('abort', listener);
  };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer or listener behind either way. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let stop = noop;
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
    if (signal) {
      stop = onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    }
  });
}

function noop(): void {}
