// The spec as the built page embeds it (docs/index.html: `const __redoc_definition = {...};`),
// code samples included: the docs tests read operations and samples from here, never from a list.
import { readFileSync } from 'node:fs';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
export interface PageOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  samples: CodeSample[];
  /** Status codes the spec documents for the operation. */
  statuses: string[];
}

export function pageSpec(file = 'docs/index.html'): { spec: any; operations: PageOperation[] } {
  const html = readFileSync(file, 'utf8');
  const match = /const __redoc_definition = (\{.*?\});\n\s*const __redoc_options/s.exec(html);
  if (!match?.[1]) throw new Error(`${file} embeds no __redoc_definition`);
  const spec = JSON.parse(match[1]);
  const operations: PageOperation[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description,
        samples: op['x-codeSamples'] ?? [],
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return { spec, operations };
}
