#!/usr/bin/env node
// The main job on the embedded default: lint the spec, generate, build, start the Prism mock,
// list partner_123's referral links through the typed client, stop the mock. No API key and
// nothing beyond 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { startPrism } from './lib/prism.mjs';

const npm = (script) => execFileSync('npm', ['run', '-s', script], { stdio: 'inherit' });

npm('lint:spec');
npm('generate');
npm('build');

const { createPartneroClient } = await import('../dist/index.js');
const prism = await startPrism(['mock', 'openapi/openapi.yaml']);
try {
  const client = createPartneroClient({ apiKey: 'mock-key', baseUrl: prism.baseUrl });
  const page = await client.referralLinks.list('partner_123');
  console.log(`\nReferral links of partner_123 (Prism mock at ${prism.baseUrl}):`);
  console.table(page.data.map(({ id, url, default: isDefault }) => ({ id, url, default: isDefault })));
} finally {
  await prism.stop();
}
