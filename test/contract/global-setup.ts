// Starts one Prism mock of openapi/openapi.yaml for the whole contract suite and stops it after.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrism, type Prism } from '../support/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let prism: Prism | undefined;

export async function setup(project: TestProject): Promise<void> {
  prism = await startPrism(['mock', 'openapi/openapi.yaml']);
  project.provide('prismUrl', prism.baseUrl);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
}
