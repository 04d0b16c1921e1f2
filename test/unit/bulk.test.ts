// partnero-client/bulk: one operation over many inputs. Plain tasks for the scheduling rules
// (order, progress, cancellation, isolation, bounded read-ahead), and the real client against
// the sandbox for what reaches a server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulk, BulkCallbackError, BulkStoppedError, type BulkProgress, type BulkResult } from '../../src/bulk/index.js';
import { createPartneroClient, InvalidOptionError, InvalidParameterError, RequestAbortedError } from '../../src/index.js';
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';

const delay = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

async function collect<I, R>(run: AsyncIterable<BulkResult<I, R>>): Promise<BulkResult<I, R>[]> {
  const results: BulkResult<I, R>[] = [];
  for await (const result of run) results.push(result);
  return results;
}

describe('bulk: scheduling', () => {
  it('delivers results in input order even when later inputs finish first', async () => {
    const finished: number[] = [];
    // Input i takes (10 - i) * 5 ms: the last finishes first.
    const inputs = Array.from({ length: 10 }, (_, i) => i);
    const results = await collect(
      bulk(inputs, async (i) => {
        await delay((10 - i) * 5);
        finished.push(i);
        return i * 2;
      }, { concurrency: 10 }),
    );
    expect(finished).not.toEqual(inputs); // they did finish out of order
    expect(results.map((r) => r.index)).toEqual(inputs);
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results.map((r) => r.result)).toEqual(inputs.map((i) => i * 2));
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await collect(
      bulk(Array.from({ length: 40 }, (_, i) => i), async () => {
        most = Math.max(most, ++inFlight);
        await delay(2);
        inFlight -= 1;
      }, { concurrency: 3 }),
    );
    expect(most).toBe(3);
  });

  it('reports progress after each input settles, with counts that add up', async () => {
    const seen: BulkProgress[] = [];
    const inputs = Array.from({ length: 12 }, (_, i) => i);
    const results = await collect(
      bulk(inputs, async (i, call) => {
        await delay(1);
        if (i % 4 === 0) throw new Error(`input ${i} refused`);
        if (i % 4 === 1) call.onOutcome('existing');
        return i;
      }, { concurrency: 4, onProgress: (p) => seen.push(p) }),
    );
    expect(seen).toHaveLength(12);
    expect(seen.map((p) => p.done)).toEqual(inputs.map((i) => i + 1));
    for (const p of seen) {
      expect(p.ok + p.existing + p.failed).toBe(p.done);
      expect(p.total).toBe(12);
      expect(p.inFlight).toBe(p.started - p.done);
    }
    expect(seen.at(-1)).toMatchObject({ started: 12, done: 12, ok: 6, existing: 3, failed: 3, inFlight: 0 });
    expect(results.filter((r) => r.outcome === 'existing').map((r) => r.index)).toEqual([1, 5, 9]);
    expect(results.find((r) => r.index === 5)?.writeOutcome).toBe('existing');
  });

  it('isolates a failure: the other inputs still run, the failure carries its error', async () => {
    const ran: number[] = [];
    const results = await collect(
      bulk([0, 1, 2, 3, 4], async (i) => {
        ran.push(i);
        if (i === 1) throw new Error('one bad input');
        return i;
      }, { concurrency: 2 }),
    );
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'failed', 'ok', 'ok', 'ok']);
    expect((results[1]!.error as Error).message).toBe('one bad input');
    expect(results[1]).not.toHaveProperty('result');
  });

  it('with stopOnError starts nothing after the first failure and throws BulkStoppedError after the started ones', async () => {
    const ran: number[] = [];
    const delivered: number[] = [];
    const run = bulk(Array.from({ length: 50 }, (_, i) => i), async (i) => {
      ran.push(i);
      await delay(i === 3 ? 1 : 5);
      if (i === 3) throw new Error('stop here');
      return i;
    }, { concurrency: 4, stopOnError: true });
    const error = await (async () => {
      try {
        for await (const result of run) delivered.push(result.index);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BulkStoppedError);
    expect((error as BulkStoppedError).index).toBe(3);
    expect(((error as Error).cause as Error).message).toBe('stop here');
    expect(ran).toEqual([0, 1, 2, 3]); // input 3 failed before any slot freed up
    expect(delivered).toEqual([0, 1, 2, 3]); // the started ones all delivered, in order
  });

  it('an onSettled that throws changes no outcome, settles nothing twice, lets the calls in flight finish and stops the run', async () => {
    const ran: number[] = [];
    const seen: BulkResult<number, number>[] = [];
    const aborted: number[] = [];
    const delivered: BulkResult<number, number>[] = [];
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const run = bulk(Array.from({ length: 50 }, (_, i) => i), async (i, call) => {
      ran.push(i);
      call.signal.addEventListener('abort', () => aborted.push(i));
      await delay(i === 0 ? 1 : 10);
      return i * 10;
    }, {
      concurrency: 4,
      onSettled: (result) => {
        seen.push(result);
        // The record of input 0 cannot be written; nor can any later one.
        throw full;
      },
    });
    const error = await (async () => {
      try {
        for await (const result of run) delivered.push(result);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BulkCallbackError);
    expect(error).toMatchObject({ callback: 'onSettled', index: 0, cause: full });
    expect(ran).toEqual([0, 1, 2, 3]); // nothing started after the throw
    expect(aborted).toEqual([]); // the calls in flight were not cut short
    expect(seen.map((r) => r.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]); // each settled once
    expect(delivered.map((r) => [r.index, r.outcome, r.result])).toEqual([0, 1, 2, 3].map((i) => [i, 'ok', i * 10]));
  });

  it('an onProgress that throws stops the run the same way', async () => {
    const ran: number[] = [];
    const run = bulk([0, 1, 2, 3, 4, 5], async (i) => {
      ran.push(i);
      await delay(1);
      return i;
    }, { concurrency: 1, onProgress: () => { throw new Error('progress broke'); } });
    const delivered: string[] = [];
    await expect((async () => {
      for await (const result of run) delivered.push(result.outcome);
    })()).rejects.toMatchObject({ name: 'BulkCallbackError', callback: 'onProgress', index: 0 });
    expect(ran).toEqual([0]);
    expect(delivered).toEqual(['ok']);
  });

  it('stops on abort: in-flight calls are aborted, nothing starts after, the loop throws RequestAbortedError', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const aborted: number[] = [];
    const results: BulkResult<number, number>[] = [];
    const run = bulk(Array.from({ length: 100 }, (_, i) => i), async (i, call) => {
      started.push(i);
      if (i === 5) controller.abort(new Error('enough'));
      try {
        await delay(50, call.signal);
      } catch (error) {
        aborted.push(i);
        throw error;
      }
      return i;
    }, { concurrency: 4, signal: controller.signal });
    await expect(
      (async () => {
        for await (const result of run) results.push(result);
      })(),
    ).rejects.toBeInstanceOf(RequestAbortedError);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(aborted.sort()).toEqual([2, 3, 4, 5]);
    // 0 and 1 had finished (which let 4 and 5 start); every started input is delivered, in order.
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'ok', 'failed', 'failed', 'failed', 'failed']);
    expect(results[2]!.error).toBeInstanceOf(Error);
  });

  it('sends nothing when the signal has already aborted', async () => {
    let calls = 0;
    const controller = new AbortController();
    controller.abort();
    const run = bulk([1, 2, 3], async () => void calls++, { signal: controller.signal });
    await expect(collect(run)).rejects.toBeInstanceOf(RequestAbortedError);
    expect(calls).toBe(0);
  });

  it('breaking out of the loop aborts what is in flight and reads no further input', async () => {
    let read = 0;
    const aborted: number[] = [];
    const started: number[] = [];
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        read += 1;
        yield i;
      }
    }
    for await (const result of bulk(source(), async (i, call) => {
      started.push(i);
      try {
        await delay(i === 0 ? 0 : 30, call.signal);
      } catch (error) {
        aborted.push(i);
        throw error;
      }
    }, { concurrency: 3 })) {
      expect(result.index).toBe(0);
      break;
    }
    // Once the loop is left, every call has ended: the aborted ones were waiting.
    expect(started.length).toBeGreaterThanOrEqual(3);
    expect(aborted.sort()).toEqual(started.filter((i) => i !== 0).sort());
    // Nothing is read past the window (4 × concurrency).
    expect(read).toBeLessThanOrEqual(4 * 3 + 1);
  });

  it('reads an async iterable of 100,000 rows ahead by at most `window`, not holding them', async () => {
    let produced = 0;
    let consumed = 0;
    let mostAhead = 0;
    async function* rows() {
      for (let i = 0; i < 100_000; i++) {
        produced += 1;
        mostAhead = Math.max(mostAhead, produced - consumed);
        yield { key: `row-${i}`, padding: 'x'.repeat(200) };
      }
    }
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let last = -1;
    let inOrder = true;
    for await (const result of bulk(rows(), async (row) => row.key.length, { concurrency: 16, window: 64 })) {
      consumed += 1;
      if (result.index !== last + 1) inOrder = false;
      last = result.index;
    }
    const growthMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(consumed).toBe(100_000);
    expect(inOrder).toBe(true);
    // Read-ahead is bounded by the window (and the one row being read), whatever the count.
    expect(mostAhead).toBeLessThanOrEqual(64 + 1);
    // 100,000 rows held would be over 20 MB; the loose bound catches that without timing noise.
    expect(growthMb).toBeLessThan(15);
  });

  it('refuses bad options by name before running anything', () => {
    const task = async (): Promise<void> => {};
    expect(() => bulk([1], task, { concurrency: 0 })).toThrow(InvalidOptionError);
    expect(() => bulk([1], task, { concurrency: 0 })).toThrow(/concurrency must be an integer from 1 to 1000, got 0/);
    expect(() => bulk([1], task, { concurrency: 4, window: 2 })).toThrow(/window must be an integer from 4/);
    expect(() => bulk(42 as unknown as number[], task)).toThrow(/inputs must be an array or an \(async\) iterable/);
    expect(() => bulk([1], 'nope' as unknown as typeof task)).toThrow(/task must be a function/);
    expect(() => bulk([1], task, { signal: 'x' as unknown as AbortSignal })).toThrow(/signal must be an AbortSignal/);
    const run = bulk([1], task);
    run[Symbol.asyncIterator]();
    expect(() => run[Symbol.asyncIterator]()).toThrow(/iterated once/);
  });
});

describe('bulk: with the client against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('creates links, reports an invalid input as failed, and leaves the others alone', async () => {
    const client = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url });
    const inputs = [
      { partner: { id: 'partner_789' }, key: 'bulk-a' },
      { partner: { id: 'partner_789' }, key: '' }, // the spec refuses an empty key
      { partner: { id: 'partner_789' }, key: 'bulk-b' },
    ];
    const results = await collect(bulk(inputs, (input, call) => client.partnerLinks.create(input, call), { concurrency: 2 }));
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'failed', 'ok']);
    expect(results[1]!.error).toBeInstanceOf(InvalidParameterError);
    expect(results[0]!.result?.data.key).toBe('bulk-a');
    const keys = sandbox.state.links.filter((link) => link.owner === 'partner_789').map((link) => link.key);
    expect(keys.sort()).toEqual(['bulk-a', 'bulk-b']);
  });

  it('reports a create whose key the same owner already holds as existing (ifExists: return), and another owner\'s as failed', async () => {
    const client = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url });
    const inputs = [
      { partner: { id: 'partner_789' }, key: 'bulk-again' },
      { partner: { id: 'partner_789' }, key: 'bulk-again' }, // the same row twice: made once, then found
      { partner: { id: 'partner_789' }, key: 'ref_123' }, // partner_123's
    ];
    const results = await collect(
      bulk(inputs, (input, call) => client.partnerLinks.create(input, { ...call, ifExists: 'return' }), { concurrency: 1 }),
    );
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'existing', 'failed']);
    expect(results.map((r) => r.writeOutcome)).toEqual(['done', 'existing', undefined]);
    expect(results[1]!.result?.data.key).toBe('bulk-again');
    expect(sandbox.state.links.filter((link) => link.key === 'bulk-again')).toHaveLength(1);
  });

  it('sends nothing after an abort', async () => {
    let sent = 0;
    const controller = new AbortController();
    const client = createPartneroClient({
      apiKey: SANDBOX_API_KEY,
      baseUrl: sandbox.url,
      fetch: (request) => {
        sent += 1;
        if (sent === 3) controller.abort();
        return fetch(request);
      },
    });
    const inputs = Array.from({ length: 30 }, (_, i) => ({ partner: { id: 'partner_789' }, key: `bulk-abort-${i}` }));
    const run = bulk(inputs, (input, call) => client.partnerLinks.create(input, call), { concurrency: 1, signal: controller.signal });
    await expect(collect(run)).rejects.toBeInstanceOf(RequestAbortedError);
    const sentAtEnd = sent;
    await delay(30);
    expect(sentAtEnd).toBe(3);
    expect(sent).toBe(3);
  });
});
