// Starts two Prism mocks of openapi/openapi.yaml for the whole contract suite and stops them
// after (one answering from the examples, one generating answers from the schemas with a fixed
// seed), and bundles the spec (every $ref resolved in place) so that the tests derive their cases from
// it: operations, parameters and their examples, request bodies, answers and their examples.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { startPrism, type Prism } from '../support/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    /** Prism with `--dynamic --seed`: answers generated from the response schemas ('' when no slow file runs). */
    dynamicPrismUrl: string;
    /** The bundled, dereferenced spec as JSON text (JSON, because a dereferenced tree shares objects). */
    bundledSpec: string;
  }
}

const root = new URL('../../', import.meta.url);

const prisms: Prism[] = [];

export async function setup(project: TestProject): Promise<void> {
  const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
  const ref = fileURLToPath(new URL('openapi/openapi.yaml', root));
  const start = async (args: string[]) => {
    const prism = await startPrism(['mock', 'openapi/openapi.yaml', ...args]);
    prisms.push(prism);
    return prism.baseUrl;
  };
  // The generated answers serve only dynamic.slow.test.ts: `npm test` (PARTNERO_TESTS unset, see
  // vitest.config.ts) runs no slow file, and is spared that Prism's start (about 3 s of CPU).
  const dynamic = (process.env.PARTNERO_TESTS ?? 'fast') !== 'fast';
  const settled = await Promise.allSettled([
    bundle({ ref, config, dereference: true }),
    start([]),
    dynamic ? start(['--dynamic', '--seed', '20261124']) : Promise.resolve(''),
  ] as const);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await teardown(); // Whatever did start is stopped: vitest runs no teardown after a failed setup.
    throw failed.reason;
  }
  const [{ bundle: document }, staticUrl, dynamicUrl] = settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
    Awaited<ReturnType<typeof bundle>>,
    string,
    string,
  ];
  project.provide('prismUrl', staticUrl);
  project.provide('dynamicPrismUrl', dynamicUrl);
  project.provide('bundledSpec', JSON.stringify(document.parsed));
}

export async function teardown(): Promise<void> {
  await Promise.all(prisms.map((prism) => prism.stop()));
}
