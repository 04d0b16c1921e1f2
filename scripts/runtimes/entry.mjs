// What every runtime runs: ask the harness for the suite's configuration, run the suite, and send
// the results back over HTTP. The harness's URL is the only input; a launcher per runtime (a
// script, a worker's test handler, a page) calls `main` with it.
import { run } from './suite.mjs';

/** Runs the suite against the harness at `harness` and reports to it; never throws. */
export async function main(harness) {
  let report;
  try {
    const config = await (await fetch(`${harness}/__config`)).json();
    report = await run(config);
  } catch (error) {
    report = { fatal: String(error?.stack ?? error) };
  }
  // text/plain keeps a browser's POST a simple request (no preflight).
  await fetch(`${harness}/__report`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(report) });
}
