// `rateLimit: { redis }`: several processes, one API key. Loaded only when `redis` is given, and
// it loads `ioredis` (an optional peer dependency) only then.
//
// What is shared, under `key`:
// - the pacing: GCRA (the "generic cell rate algorithm" of redis-cell and Stripe's limiter), one
//   script call that gives a request the next slot on the key's timeline if it is due, or says
//   how long until it is, so the processes together send at the learned rate, not each.
//   Bottleneck's Redis clustering was the first choice and was measured: it registers one job at
//   a time per process, a Redis round trip each, which held a process to about 20 requests per
//   second on the bench machine whatever the rate; it also stalls on a fractional minTime;
// - the learned rate: the two numbers the rate curve is a function of (rate-limit.ts `RateState`),
//   in a hash; a cut is one compare-and-set script (a cut that a newer cut overtook is dropped,
//   so four processes seeing the same overload cut once, not four times), published to all;
// - the pause of a Retry-After: a key with the deadline and its own expiry, published to all.
// Redis failing after the start does not stop the calls: each process goes on with what it knew,
// cuts its own rate on a 429 while Redis cannot, and ioredis reconnects behind it. Every command
// has a time limit (COMMAND_TIMEOUT_MS), so a Redis that stalls is a Redis that failed, and after
// a failure the pacing does not ask Redis again until a ping in the background has an answer.
import { ACCEPTED_MIN_MS, BETA, cutGraceEnd, INITIAL_RATE, MIN_RATE, peakAfter, rateAt, SENT_SLOTS, SLOT_MS, startState, type RateState, type RateStore, type Tools } from './rate-limit-curve.js';

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
  ping(): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** After this long with nothing queued or in flight, the connections close (and reopen on the next call): a script can end. */
const IDLE_MS = 1_000;
/** The shared state expires after this long without a cut, so that an old run does not steer a new one. */
const STATE_TTL_MS = 10 * 60_000;
/** No Redis command waits longer than this: a stalled Redis counts as failed. */
export const COMMAND_TIMEOUT_MS = 1_000;
/** After a failure, the pacing goes alone until a ping answers; one ping at most this often. */
const RECHECK_MS = 500;

// A cut, atomically: dropped when the request that drew the 429 was sent before the last cut
// or in the first interval after it (rate-limit.ts cutGraceEnd).
// It starts from the lowest of the allowed rate, the rate the key's processes actually sent
// (rate-limit.ts sentRate, here over the per-slot counters that PACE keeps) and the rate the
// server let through since the last cut (rate-limit-curve.ts acceptedRate: the `accepted` count
// that PACE adds to, plus the cutting process's own count not yet added, over the `active` time
// that PACE adds to: the gaps between requests on the key, less the idle ones, as in
// rate-limit-curve.ts idleGapMs), but not in slow start:
// its start is no 429 (the bucket was not found empty then), and it counts the processes'
// start-up as sending, which made the first cut on two CLI processes half the limit.
const CUT = `
local peak = tonumber(redis.call('hget', KEYS[1], 'peak') or '0')
local since = tonumber(redis.call('hget', KEYS[1], 'since') or '0')
if peak ~= 0 and tonumber(ARGV[1]) < since + 1000 / math.max(tonumber(ARGV[7]), peak * tonumber(ARGV[11])) then return 0 end
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
local accepted = tonumber(redis.call('hget', KEYS[1], 'accepted') or '0') + tonumber(ARGV[9])
local active = tonumber(redis.call('hget', KEYS[1], 'active') or '0')
if peak ~= 0 and active >= tonumber(ARGV[10]) then rate = math.min(rate, (accepted + 1) * 1000 / active) end
rate = tostring(math.max(rate, tonumber(ARGV[7])))
redis.call('hset', KEYS[1], 'peak', rate, 'since', ARGV[3], 'accepted', '0', 'active', '0', 'last', ARGV[3])
redis.call('pexpire', KEYS[1], ARGV[4])
redis.call('publish', KEYS[2], 'rate ' .. rate .. ' ' .. ARGV[3])
return 1`;

// One request: its slot on the key's timeline (GCRA: the theoretical arrival time `tat` moves
// one interval per request; a request may go one interval early), counted in its sent slot;
// with it come the answers this process had let through since it last asked (dropped if they
// belong to an older cut).
// A request that would have to wait takes no slot: the script answers the wait (ms, as a string,
// since Redis would cut a Lua number to an integer) and the caller asks again then, at the rate
// of that moment. Slots are never reserved ahead, so after a cut no request goes out at the rate
// before it. And a process whose rate is older than the key's (a cut's message still on its way)
// gets the key's state instead of a slot, and asks again at the new rate. (Reserving ahead was
// tried: the queued reservations of the processes went out after the cut at the old rate, drew
// 429s and cut the rate again, down to a twentieth of the limit.)
const PACE = `
local since = redis.call('hget', KEYS[3], 'since')
if since and tonumber(since) ~= tonumber(ARGV[5]) then return {'stale', redis.call('hget', KEYS[3], 'peak'), since} end
if since and ARGV[6] ~= '0' then redis.call('hincrby', KEYS[3], 'accepted', ARGV[6]) end
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tat = tonumber(redis.call('get', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - interval > now then return {tostring(tat - interval - now)} end
redis.call('set', KEYS[1], tostring(tat + interval), 'PX', ARGV[3])
if since then
  local last = redis.call('hget', KEYS[3], 'last')
  local gap = last and now - tonumber(last) or 0
  if gap > 0 and gap <= math.max(1000, 4 * interval) then redis.call('hincrbyfloat', KEYS[3], 'active', tostring(gap)) end
  if not last or gap > 0 then redis.call('hset', KEYS[3], 'last', ARGV[1]) end
end
if redis.call('incr', KEYS[2]) == 1 then redis.call('set', KEYS[2] .. ':first', ARGV[1], 'PX', ARGV[4]) end
redis.call('pexpire', KEYS[2], ARGV[4])
return {'0'}`;

// Slow start (or the rate a rerun was given) begins with the first process on the key (or after the state expired).
const START = `
if redis.call('exists', KEYS[1]) == 0 then
  redis.call('hset', KEYS[1], 'peak', ARGV[3], 'since', ARGV[1])
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
    throw new InvalidOptionError('rateLimit.redis', `needs the package "${name}", which is not installed: npm install ioredis (an optional peer dependency of partnero-client, used only with rateLimit.redis)`);
  }
}

interface Connection {
  readonly client: RedisClient;
  readonly subscriber: RedisClient;
}

/** The shared store of `key` on the Redis that `redis` (a URL or an ioredis client) points to. */
export async function redisStore(redis: string | object, key: string, tools: Tools, initialRate?: number): Promise<RateStore> {
  const { InvalidOptionError } = tools;
  const Redis = await load<new (url: string, options: Record<string, unknown>) => RedisClient>('ioredis', tools);
  if (typeof redis === 'object' && typeof (redis as { duplicate?: unknown }).duplicate !== 'function') {
    throw new InvalidOptionError('rateLimit.redis', 'must be a Redis URL or an ioredis client (an object with duplicate()); got an object without duplicate()');
  }
  const store = new RedisStore(
    () => {
      // Own connections, also when given a client: that one is only copied (duplicate()), never closed.
      // The first connect is tried once (its failure is the caller's error, named); once up, a
      // lost connection is tried again and again, while the calls go on without it. No offline
      // queue: a command while disconnected fails at once rather than wait for the reconnect.
      let up = false;
      const options = {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: COMMAND_TIMEOUT_MS,
        connectTimeout: 5_000,
        retryStrategy: (times: number) => (up ? Math.min(200 * times, 2_000) : null),
      };
      const client = typeof redis === 'string' ? new Redis(redis, options) : (redis as RedisClient).duplicate(options);
      client.on('ready', () => {
        up = true;
      });
      return client;
    },
    key,
    tools,
    initialRate,
  );
  await store.open();
  return store;
}

class RedisStore implements RateStore {
  readonly #make: () => RedisClient;
  readonly #stateKey: string;
  readonly #pauseKey: string;
  readonly #channel: string;
  readonly #sentKey: string;
  readonly #tatKey: string;
  readonly #id: string;
  #state: RateState;
  readonly #initialRate: number | undefined;
  /** Until then the pacing goes alone (Redis failed; a ping in the background clears it). */
  #downUntil = 0;
  #checking = false;
  #pausedUntil = 0;
  /** Answers other than 429 since this process last told Redis. */
  #accepted = 0;
  #connection: Promise<Connection> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #tools: Tools;

  constructor(make: () => RedisClient, key: string, tools: Tools, initialRate: number | undefined) {
    this.#make = make;
    this.#tools = tools;
    this.#initialRate = initialRate;
    this.#state = startState(Date.now(), initialRate);
    this.#id = `partnero-rate:${key}`;
    this.#stateKey = `${this.#id}:state`;
    this.#pauseKey = `${this.#id}:pause`;
    this.#channel = `${this.#id}:events`;
    this.#sentKey = `${this.#id}:sent`;
    this.#tatKey = `${this.#id}:tat`;
  }

  /** Connects (if not connected) and reads the key's state. */
  open(): Promise<Connection> {
    return (this.#connection ??= this.#connect().catch((error: unknown) => {
      this.#connection = undefined;
      throw error;
    }));
  }

  async #connect(): Promise<Connection> {
    const client = this.#make();
    const subscriber = this.#make();
    // ioredis reports every failure as an 'error' event, and then rejects connect() with only
    // "Connection is closed.": the event's words (NOAUTH, WRONGPASS, ECONNREFUSED) are the reason.
    let reason: string | undefined;
    const heard = (error: unknown): void => {
      reason ??= error instanceof Error ? error.message : String(error);
    };
    client.on('error', heard);
    subscriber.on('error', heard);
    try {
      await Promise.all([client.connect(), subscriber.connect()]);
      // A Redis that wants a password answers the first command, not the connect, with NOAUTH.
      await client.ping();
    } catch (cause) {
      client.disconnect();
      subscriber.disconnect();
      const message = cause instanceof Error ? cause.message : String(cause);
      const said = reason && !message.includes(reason) ? `${reason}${message === 'Connection is closed.' ? '' : `; ${message}`}` : message;
      const hint = /^(NOAUTH|WRONGPASS)/.test(said) ? ': give the password in the URL, redis://:PASSWORD@host:port (or redis://USER:PASSWORD@…)' : '';
      // The URL is not repeated: it may hold a password.
      throw new this.#tools.InvalidOptionError('rateLimit.redis', `could not connect to Redis (${said.replace(/\/\/[^@\s]*@/g, '//…@')})${hint}; nothing was sent to the API`);
    }
    subscriber.on('message', (_channel: unknown, message: unknown) => this.#receive(String(message)));
    await subscriber.subscribe(this.#channel);
    const [peak, since] = (await client.eval(START, 1, this.#stateKey, Date.now(), STATE_TTL_MS, String(startState(Date.now(), this.#initialRate).peak))) as [string, string];
    this.#state = { peak: Number(peak), since: Number(since) };
    this.#pausedUntil = Math.max(this.#pausedUntil, Number((await client.get(this.#pauseKey)) ?? 0));
    return { client, subscriber };
  }

  /** Redis failed or stalled: the pacing goes alone until a ping (in the background, one at a time) has an answer. */
  #down(): void {
    this.#downUntil = Infinity;
    if (this.#checking) return;
    this.#checking = true;
    const check = (): void => {
      const connection = this.#connection;
      if (connection === undefined) {
        this.#checking = false;
        this.#downUntil = 0; // Closed while idle: the next call opens it again.
        return;
      }
      void connection
        .then(({ client }) => client.ping())
        .then(
          () => {
            this.#checking = false;
            this.#downUntil = 0;
          },
          () => void setTimeout(check, RECHECK_MS),
        );
    };
    setTimeout(check, RECHECK_MS);
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
    // Not applied here: this process alone sent only its share, so its own estimate is too low.
    // The script cuts from what every process sent (or drops the cut if a newer one came first)
    // and publishes the result, which reaches this process too, a round trip later. While Redis
    // fails, the cut is made here, from the rate this process knew.
    const accepted = this.#accepted;
    this.#accepted = 0;
    const alone = (): void => {
      if (sentAt < cutGraceEnd(this.#state)) return;
      this.#state = { peak: peakAfter(Math.min(rate, rateAt(this.#state, sentAt))), since: now };
      this.#down();
    };
    if (now < this.#downUntil) return alone();
    void this.open()
      .then(({ client }) =>
        client.eval(CUT, 3, this.#stateKey, this.#channel, this.#sentKey, sentAt, rate, now, STATE_TTL_MS, SLOT_MS, SENT_SLOTS, MIN_RATE, 1000 / INITIAL_RATE, accepted, ACCEPTED_MIN_MS, BETA),
      )
      .catch(alone);
  }

  sent(): void {
    // Counted key-wide by PACE.
  }

  accepted(): void {
    this.#accepted++;
  }

  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    const ms = Math.max(1, Math.ceil(until - Date.now()));
    void this.open()
      .then(({ client }) => Promise.all([client.set(this.#pauseKey, String(until), 'PX', ms), client.publish(this.#channel, `pause ${until}`)]))
      .catch(noop);
  }

  async pace(rate: () => number, signal: AbortSignal): Promise<void> {
    if (this.#idleTimer !== undefined) {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = undefined;
    }
    if (Date.now() < this.#downUntil) throw new Error('Redis is down');
    try {
      const { client } = await this.open();
      for (;;) {
        if (signal.aborted) throw new Error('aborted');
        const now = Date.now();
        // A pause (this process's 429 or another's, published) holds the request before it takes a slot.
        if (now < this.#pausedUntil) {
          await sleep(this.#pausedUntil - now, signal);
          continue;
        }
        const slot = Math.floor(now / SLOT_MS);
        const accepted = this.#accepted;
        this.#accepted = 0;
        const [wait, peak, since] = (await client.eval(PACE, 3, this.#tatKey, `${this.#sentKey}:${slot}`, this.#stateKey, now, 1000 / rate(), STATE_TTL_MS, SLOT_MS * SENT_SLOTS * 2, this.#state.since, accepted)) as [string, string?, string?];
        if (wait === 'stale') {
          this.#state = { peak: Number(peak), since: Number(since) };
          continue;
        }
        if (!(Number(wait) > 0)) return;
        await sleep(Number(wait), signal);
      }
    } catch (error) {
      if (!signal.aborted) this.#down();
      throw error;
    }
  }

  idle(): void {
    if (this.#idleTimer !== undefined || this.#connection === undefined) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      const closing = this.#connection;
      this.#connection = undefined;
      void closing
        ?.then(({ client, subscriber }) => {
          if (client.status === 'ready') return Promise.all([client.quit(), subscriber.quit()]);
          client.disconnect();
          subscriber.disconnect();
          return undefined;
        })
        .catch(noop);
    }, IDLE_MS);
  }
}

function noop(): void {}

/** Not internal/sleep.ts: a module shared with the main chunk would become a chunk of its own (see rate-limit.ts). Rejects on `signal`'s abort, leaving no timer. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, Math.ceil(ms));
    signal.addEventListener('abort', stop, { once: true });
  });
}
