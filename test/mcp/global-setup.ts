// Hands every MCP test file the bundled spec the MCP server reads from the package,
// dist/openapi.json of the run's one build and pack (test/package/global-setup.ts, listed
// before this file in vitest.config.ts, so it has provided `dist` when this runs).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled spec (dist/openapi.json as the build writes it), as JSON text. */
    mcpSpec: string;
  }
}

export function setup(project: TestProject): void {
  project.provide('mcpSpec', readFileSync(join(project.getProvidedContext().dist, 'openapi.json'), 'utf8'));
}
