// What the two local-server commands (`npm run mock`, `npm run sandbox`) share: reading
// `--port`, and stopping cleanly on Ctrl-C (SIGINT) or SIGTERM, even during start-up.

/** The documented port of `npm run mock` (Prism's own default), which `npm start`'s last lines name too. */
export const MOCK_PORT = 4010;

/** The port `--port` gives (`0`: any free one), or `fallback` when it is not given; throws on anything else. */
export function portOption(value, fallback) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65_535) throw new Error(`--port must be from 0 (any free port) to 65535, got ${value}`);
  return Number(value);
}

/**
 * Stops with `close()` on SIGINT or SIGTERM, says so as `<name>: stopped (<signal>)`, and exits 0.
 * Registered before the server starts, so that Ctrl-C during start-up leaves nothing behind either:
 * `close` must cope with a server not (yet) there. Returns whether a stop has begun.
 */
export function stopOnSignals(name, close) {
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    await close();
    console.log(`\n${name}: stopped (${signal})`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return () => stopping;
}
