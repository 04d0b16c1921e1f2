// Bundles the spec once for the MCP tests, as `npm run build` bundles it into dist/openapi.json
// (the file the MCP server reads from the package), and hands it to every test file.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSpec } from '../../scripts/lib/redocly.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled spec (dist/openapi.json as the build writes it), as JSON text. */
    mcpSpec: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partnero-mcp-spec-'));
  try {
    await bundleSpec('openapi/openapi.yaml', join(dir, 'openapi.json'));
    project.provide('mcpSpec', readFileSync(join(dir, 'openapi.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
