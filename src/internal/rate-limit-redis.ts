// `rateLimit: { redis }`: several processes, one API key. Loaded only when `redis` is given, and
// it loads `ioredis` and `bottleneck` (optional peer dependencies) only then.
//
// What is shared, under `key`:
// - the pacing: Bottleneck's Redis clustering (`minTime` across every limiter with the same id,
//   kept by its Lua scripts), so the processes together send at the learned rate, not each;
// - the learned rate: the two numbers the rate curve is a function of (rate-limit.ts `RateState`),
//   in a hash; a cut is one compare-and-set script (a cut that a newer cut overtook is dropped,
//   so four processes seeing the same overload cut once, not four times), published to all;
// - the pause of a Retry-After: a key with the deadline and its own expiry, published to all.
// Redis failing after the start does not stop the calls: each process goes on with what it knew.
import type { RateState, RateStore, Tools } from './rate-limit.js';
import { INITIAL_RATE, MIN_RATE, SENT_SLOTS, SLOT_MS, peakAfter, rateAt, sentRate } from './rate-limit.js';

/** The subset of an ioredis client used here. */
interface RedisClient {
  duplicate(options?: Record<string, unknown>): RedisClient;
  connect(): Promise<void>;
  quit(): Promise<unknown>;
  disconnect(): void;
  status: string;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  hgetall(key: string): Promise<Record<string, string>>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ms: number): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
}

interface BottleneckLimiter {
  schedule<T>(job: () => Promise<T>): Promise<T>;
  updateSettings(settings: { minTime: number }): Promise<unknown>;
  ready(): Promise<unknown>;
  disconnect(flush?: boolean): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

interface BottleneckModule {
  new (options: Record<string, unknown>): BottleneckLimiter;
  IORedisConnection: new (options: { client: RedisClient }) => { readonly client?: RedisClient; readonly subscriber?: RedisClient };
}

/** After this long with nothing queued or in flight, the connections close (and reopen on the next call): a script can end. */
const IDLE_MS = 1_000;
/** The shared state expires after this long without a cut, so that an old run does not steer a new one. */
const STATE_TTL_MS = 10 * 60_000;

// A cut, atomically: dropped when the request that drew the 429 was sent before the last cut.
// It starts from the lower of the allowed rate and the rate the key's processes actually sent
// (rate-limit.ts sentRate, here over the per-slot counters that SENT keeps).
const CUT = `
local peak = tonumber(redis.call('hget', KEYS[1], 'peak') or '0')
local since = tonumber(redis.call('hget', KEYS[1], 'since') or '0')
if peak ~= 0 and tonumber(ARGV[1]) < since then return 0 end
local now = tonumber(ARGV[3])
local slotMs = tonumber(ARGV[5])
local slot = math.floor(now / slotMs)
local slots = tonumber(ARGV[6])
local counts = {}
for age = 0, slots do counts[age] = tonumber(redis.call('get', KEYS[3] .. ':' .. (slot - age)) or '0') end
local total, ms = 0, 0
for age = 0, slots - 1 do
  if counts[age] > 0 then
    total = total + counts[age]
    local start = (slot - age) * slotMs
    local finish = start + slotMs
    if age == 0 then finish = now end
    if counts[age + 1] == 0 then start = tonumber(redis.call('get', KEYS[3] .. ':' .. (slot - age) .. ':first') or start) end
    ms = ms + finish - start
  end
end
local rate = tonumber(ARGV[2])
if total > 0 then rate = math.min(rate, total * 1000 / math.max(ms, tonumber(ARGV[8]))) end
rate = tostring(math.max(rate, tonumber(ARGV[7])))
redis.call('hset', KEYS[1], 'peak', rate, 'since', ARGV[3])
redis.call('pexpire', KEYS[1], ARGV[4])
redis.call('publish', KEYS[2], 'rate ' .. rate .. ' ' .. ARGV[3])
return 1`;

// One request sent, in the counter of its slot (and the slot's first request's time).
const SENT = `
if redis.call('incr', KEYS[1]) == 1 then redis.call('set', KEYS[1] .. ':first', ARGV[2], 'PX', ARGV[1]) end
redis.call('pexpire', KEYS[1], ARGV[1])
return 1`;

// Slow start begins with the first process on the key (or after the state expired).
const START = `
if redis.call('exists', KEYS[1]) == 0 then
  redis.call('hset', KEYS[1], 'peak', '0', 'since', ARGV[1])
  redis.call('pexpire', KEYS[1], ARGV[2])
end
return redis.call('hmget', KEYS[1], 'peak', 'since')`;

/** A module by name, or an InvalidOptionError saying which package to install. */
async function load<T>(name: string, { InvalidOptionError }: Tools): Promise<T> {
  // A name in a variable: bundlers leave the import alone, so nothing Redis is bundled with the client.
  const specifier = name;
  try {
    const module = (await import(specifier)) as { default?: T };
    return (module.default ?? module) as T;
  } catch {
    throw new InvalidOptionError('rateLimit.redis', `needs the package "${name}", which is not installed: npm install ioredis bottleneck (optional peer dependencies of partnero-client, used only with rateLimit.redis)`);
  }
}

interface Connection {
  readonly client: RedisClient;
  readonly subscriber: RedisClient;
  readonly bottleneck: BottleneckLimiter;
  /** Bottleneck's connection, with its two clients. */
  readonly link: { readonly client?: RedisClient; readonly subscriber?: RedisClient };
}

/** The shared store of `key` on the Redis that `redis` (a URL or an ioredis client) points to. */
export async function redisStore(redis: string | object, key: string, tools: Tools): Promise<RateStore> {
  const { InvalidOptionError } = tools;
  const Redis = await load<new (url: string, options: Record<string, unknown>) => RedisClient>('ioredis', tools);
  const Bottleneck = await load<BottleneckModule>('bottleneck', tools);
  if (typeof redis === 'object' && typeof (redis as { duplicate?: unknown }).duplicate !== 'function') {
    throw new InvalidOptionError('rateLimit.redis', 'must be a Redis URL or an ioredis client (an object with duplicate()); got an object without duplicate()');
  }
  const store = new RedisStore((lazyConnect) => {
    // Own connections, also when given a client: that one is only copied (duplicate()), never closed.
    // Bottleneck's connect by themselves (lazyConnect false); it waits for them to be ready.
    const options = { lazyConnect, maxRetriesPerRequest: 2, connectTimeout: 5_000, retryStrategy: (times: number) => (times > 3 ? null : 100 * times) };
    return typeof redis === 'string' ? new Redis(redis, options) : (redis as RedisClient).duplicate(options);
  }, Bottleneck, key, tools);
  await store.open();
  return store;
}

class RedisStore implements RateStore {
  readonly #make: (lazyConnect: boolean) => RedisClient;
  readonly #Bottleneck: BottleneckModule;
  readonly #stateKey: string;
  readonly #pauseKey: string;
  readonly #channel: string;
  readonly #sentKey: string;
  readonly #id: string;
  readonly #local = new Map<number, number>();
  readonly #firsts = new Map<number, number>();
  #state: RateState = { peak: 0, since: Date.now() };
  #pausedUntil = 0;
  #connection: Promise<Connection> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #minTime = 0;
  readonly #tools: Tools;

  constructor(make: (lazyConnect: boolean) => RedisClient, Bottleneck: BottleneckModule, key: string, tools: Tools) {
    this.#make = make;
    this.#tools = tools;
    this.#Bottleneck = Bottleneck;
    this.#id = `partnero-rate:${key}`;
    this.#stateKey = `${this.#id}:state`;
    this.#pauseKey = `${this.#id}:pause`;
    this.#channel = `${this.#id}:events`;
    this.#sentKey = `${this.#id}:sent`;
  }

  /** Connects (if not connected) and reads the key's state. */
  open(): Promise<Connection> {
    return (this.#connection ??= this.#connect().catch((error: unknown) => {
      this.#connection = undefined;
      throw error;
    }));
  }

  async #connect(): Promise<Connection> {
    const client = this.#make(true);
    const subscriber = this.#make(true);
    const quiet = (): void => {}; // ioredis reports every reconnect as an 'error' event: failures surface as rejected commands.
    client.on('error', quiet);
    subscriber.on('error', quiet);
    try {
      await Promise.all([client.connect(), subscriber.connect()]);
    } catch (cause) {
      client.disconnect();
      subscriber.disconnect();
      const reason = cause instanceof Error ? cause.message : String(cause);
      // The URL is not repeated: it may hold a password.
      throw new this.#tools.InvalidOptionError('rateLimit.redis', `could not connect to Redis (${reason.replace(/\/\/[^@\s]*@/g, '//…@')}); nothing was sent to the API`);
    }
    subscriber.on('message', (_channel: unknown, message: unknown) => this.#receive(String(message)));
    await subscriber.subscribe(this.#channel);
    const [peak, since] = (await client.eval(START, 1, this.#stateKey, Date.now(), STATE_TTL_MS)) as [string, string];
    this.#state = { peak: Number(peak), since: Number(since) };
    this.#pausedUntil = Math.max(this.#pausedUntil, Number((await client.get(this.#pauseKey)) ?? 0));
    this.#minTime = minTimeOf(rateAt(this.#state, Date.now()));
    const link = new this.#Bottleneck.IORedisConnection({ client: this.#make(false) });
    const bottleneck = new this.#Bottleneck({
      id: this.#id,
      datastore: 'ioredis',
      clearDatastore: false,
      maxConcurrent: null,
      minTime: this.#minTime,
      // Bottleneck's own keys expire after this long unused.
      timeout: STATE_TTL_MS,
      connection: link,
    });
    bottleneck.on('error', quiet);
    await bottleneck.ready();
    return { client, subscriber, bottleneck, link };
  }

  #receive(message: string): void {
    const [kind, first, second] = message.split(' ');
    if (kind === 'rate') this.#state = { peak: Number(first), since: Number(second) };
    if (kind === 'pause') this.#pausedUntil = Math.max(this.#pausedUntil, Number(first));
  }

  state(): RateState {
    return this.#state;
  }

  pausedUntil(): number {
    return this.#pausedUntil;
  }

  cut(sentAt: number, rate: number, now: number): void {
    // Applied here at once by the same rule with what this process sent; the script's answer, from
    // what every process sent, is published and replaces it.
    if (this.#state.peak === 0 || sentAt >= this.#state.since) {
      this.#state = { peak: peakAfter(Math.min(rate, this.#sentRate(now))), since: now };
    }
    void this.open()
      .then(({ client }) => client.eval(CUT, 3, this.#stateKey, this.#channel, this.#sentKey, sentAt, rate, now, STATE_TTL_MS, SLOT_MS, SENT_SLOTS, MIN_RATE, 1000 / INITIAL_RATE))
      .catch(noop);
  }

  sent(now: number): void {
    const slot = Math.floor(now / SLOT_MS);
    const count = (this.#local.get(slot) ?? 0) + 1;
    this.#local.set(slot, count);
    if (count === 1) this.#firsts.set(slot, now);
    for (const old of this.#local.keys()) {
      if (old > slot - SENT_SLOTS) continue;
      this.#local.delete(old);
      this.#firsts.delete(old);
    }
    void this.open()
      .then(({ client }) => client.eval(SENT, 1, `${this.#sentKey}:${slot}`, SLOT_MS * SENT_SLOTS * 2, now))
      .catch(noop);
  }

  /** This process's own counts and first times, newest slot first. */
  #sentRate(now: number): number {
    const slot = Math.floor(now / SLOT_MS);
    const counts = Array.from({ length: SENT_SLOTS }, (_, age) => this.#local.get(slot - age) ?? 0);
    const firsts = Array.from({ length: SENT_SLOTS }, (_, age) => this.#firsts.get(slot - age) ?? 0);
    return sentRate(counts, firsts, now);
  }

  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    const ms = Math.max(1, Math.ceil(until - Date.now()));
    void this.open()
      .then(({ client }) => Promise.all([client.set(this.#pauseKey, String(until), 'PX', ms), client.publish(this.#channel, `pause ${until}`)]))
      .catch(noop);
  }

  async pace(rate: number): Promise<void> {
    if (this.#idleTimer !== undefined) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = undefined;
    }
    const { bottleneck } = await this.open();
    const minTime = minTimeOf(rate);
    // Every process computes the same rate from the shared state; writing it is Bottleneck's way to share it.
    if (minTime !== this.#minTime) {
      this.#minTime = minTime;
      bottleneck.updateSettings({ minTime }).catch(noop);
    }
    await bottleneck.schedule(() => Promise.resolve());
  }

  idle(): void {
    if (this.#idleTimer !== undefined || this.#connection === undefined) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      const closing = this.#connection;
      this.#connection = undefined;
      void closing
        ?.then(({ client, subscriber, bottleneck, link }) => {
          if (client.status === 'ready') return Promise.all([bottleneck.disconnect(false), client.quit(), subscriber.quit()]);
          // Redis is gone: Bottleneck's own disconnect would fail inside it, unhandled; drop every socket instead.
          for (const each of [client, subscriber, link.client, link.subscriber]) each?.disconnect();
          return undefined;
        })
        .catch(noop);
    }, IDLE_MS);
  }
}

/** Bottleneck's minTime for `rate`: whole milliseconds (its cluster scripts stall on a fraction), so at most 1000 requests per second for the key. */
function minTimeOf(rate: number): number {
  return Math.max(1, Math.round(1000 / rate));
}

function noop(): void {}
