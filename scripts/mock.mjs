#!/usr/bin/env node
// `npm run mock`: a mock of the Partnero API for app developers, answering from the spec's
// examples, at http://127.0.0.1:4010 (`-- --port N` for another port, `-- --port 0` for any free
// one: the address it prints is the one it got). Prism validates every
// request against the spec and answers 4xx, as the spec says, when one is wrong. Ctrl-C (SIGINT)
// or SIGTERM stops it and everything it started.
import { parseArgs } from 'node:util';
import { startPrism } from './lib/prism.mjs';
import { MOCK_PORT as DEFAULT_PORT, portOption, stopOnSignals } from './lib/local-server.mjs';

const usage = 'usage: npm run mock [-- --port N]   (0: any free port)';
let port = DEFAULT_PORT;
try {
  const { values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  port = portOption(values.port, DEFAULT_PORT);
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}

let prism;
const stopping = stopOnSignals('mock', () => prism?.stop());

try {
  prism = await startPrism(['mock', 'openapi/openapi.yaml'], {
    port,
    // Prism logs each request it answers: show them, they explain a 4xx.
    onOutput: (text) => {
      if (prism) process.stdout.write(text);
    },
  });
} catch (error) {
  const busy = /EADDRINUSE/.test(error.message);
  console.error(busy ? `mock: port ${port} is in use; stop what uses it or pass -- --port N` : error.message);
  process.exit(1);
}
if (stopping()) await prism.stop();

console.log(`
Partnero API mock (Prism, from openapi/openapi.yaml) at ${prism.baseUrl}
Try it:
  curl -H 'Authorization: Bearer any-key' '${prism.baseUrl}/v1/partners/partner_123/referral_links?limit=2'
Or point the client at it: createPartneroClient({ apiKey: 'any-key', baseUrl: '${prism.baseUrl}' })
Ctrl-C stops it.
`);
