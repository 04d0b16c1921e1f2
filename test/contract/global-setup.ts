// Starts one Prism mock of openapi/openapi.yaml for the whole contract suite and stops it after,
// and bundles the spec (every $ref resolved in place) so that the tests derive their cases from
// it: operations, parameters and their examples, request bodies, answers and their examples.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { startPrism, type Prism } from '../support/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    /** The bundled, dereferenced spec as JSON text (JSON, because a dereferenced tree shares objects). */
    bundledSpec: string;
  }
}

const root = new URL('../../', import.meta.url);

let prism: Prism | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
  const ref = fileURLToPath(new URL('openapi/openapi.yaml', root));
  const [{ bundle: document }, started] = await Promise.all([
    bundle({ ref, config, dereference: true }),
    startPrism(['mock', 'openapi/openapi.yaml']),
  ]);
  prism = started;
  project.provide('prismUrl', prism.baseUrl);
  project.provide('bundledSpec', JSON.stringify(document.parsed));
}

export async function teardown(): Promise<void> {
  await prism?.stop();
}
