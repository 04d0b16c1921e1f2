// The spec as the built API reference shows it (site/reference/spec.json, the readers' copy),
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
  /** The operation's first tag (the reference groups operations by it). */
  tag: string;
}

export function pageSpec(file = 'site/reference/spec.json'): { spec: any; operations: PageOperation[] } {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
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
        tag: op.tags?.[0] ?? '',
      });
    }
  }
  return { spec, operations };
}
