#!/usr/bin/env node
// A local npm registry for tests: Verdaccio (a devDependency), its config, storage and users in
// DIR, no uplink (it never reaches past 127.0.0.1: what is installed from it must have been
// published to it), on a free port of 127.0.0.1. Prints `registry: URL` once it listens.
//
//   node --require scripts/lib/exit-with-parent.cjs test/package/registry-server.mjs DIR
//
// Started detached with stdin a pipe (see exit-with-parent.cjs), it stops when its parent goes,
// however the parent ends; SIGTERM stops it too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: registry-server.mjs DIR');
  process.exit(2);
}
const config = join(dir, 'config.yaml');
writeFileSync(
  config,
  `storage: ${JSON.stringify(join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
    max_users: 10
uplinks: {}
packages:
  '@*/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
web:
  enable: false
max_body_size: 50mb
log: { type: stdout, format: pretty, level: error }
`,
);
const app = await runServer(config);
app.listen(0, '127.0.0.1', () => console.log(`registry: http://127.0.0.1:${app.address().port}/`));
process.on('SIGTERM', () => {
  app.close();
  process.exit(0);
});
