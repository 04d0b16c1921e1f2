// The spec's examples as requests that can be replayed: for each operation, in the order of the
// document, its example cases. A case is a name that the operation's success answer has among its
// examples (the status `x-partnero-example-status` names, else the only 2xx) and that its request
// also uses: the request takes each parameter's example of that name (every required one must
// have it) and the request body's example of that name. So each call of a replay sends exactly
// what one documented example shows, and the answer to expect is the example of the same name
// (the convention Specmatic and Portman read). The code samples of the docs take an operation's
// first case; test/sandbox/examples.test.ts replays every case against a fresh sandbox.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** `node` with its `$ref`s into `spec` followed (a bundled spec: every `$ref` starts with `#/`). */
export function resolveRef(spec, node) {
  let current = node;
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 20; depth++) {
    if (!current.$ref.startsWith('#/')) throw new Error(`not a bundled spec: $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((value, key) => value?.[key], spec);
  }
  return current;
}

/** The success status an operation's examples use: its x-partnero-example-status, else its only 2xx. */
export function exampleStatus(operation) {
  const successes = Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
  const named = operation['x-partnero-example-status'];
  if (named !== undefined) return String(named);
  if (successes.length !== 1) throw new Error(`${operation.operationId}: ${successes.length} success statuses and no x-partnero-example-status`);
  return successes[0];
}

/**
 * Every operation's example cases, in document order (paths, then methods as listed, then the
 * names in the order of the success answer's examples). `problems` lists what keeps a name from
 * being a case although the request uses it (a required parameter or the body without it).
 * @returns {{ operationId: string, method: string, path: string, status: number, cases: { name: string, path: Record<string, unknown>, query: Record<string, unknown>, body: unknown, response: unknown }[], problems: string[] }[]}
 */
export function exampleCases(spec) {
  const result = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
      const operation = item[method];
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(spec, p));
      const requestBody = resolveRef(spec, operation.requestBody);
      const bodyExamples = resolveRef(spec, requestBody?.content?.['application/json'])?.examples ?? {};
      const status = exampleStatus(operation);
      const answer = resolveRef(spec, operation.responses[status]);
      const answers = answer?.content?.['application/json']?.examples ?? {};
      const requestNames = new Set([...Object.keys(bodyExamples), ...parameters.flatMap((p) => Object.keys(p.examples ?? {}))]);
      const cases = [];
      const problems = [];
      for (const name of Object.keys(answers).filter((n) => requestNames.has(n))) {
        const missing = [
          ...parameters.filter((p) => p.required && !Object.hasOwn(p.examples ?? {}, name)).map((p) => `${p.in} parameter ${p.name}`),
          ...(requestBody?.required && !Object.hasOwn(bodyExamples, name) ? ['the request body'] : []),
        ];
        if (missing.length) {
          problems.push(`${operation.operationId}: example ${name} has no ${missing.join(', ')}`);
          continue;
        }
        const values = (where) =>
          Object.fromEntries(parameters.filter((p) => p.in === where && Object.hasOwn(p.examples ?? {}, name)).map((p) => [p.name, resolveRef(spec, p.examples[name]).value]));
        cases.push({
          name,
          path: values('path'),
          query: values('query'),
          body: Object.hasOwn(bodyExamples, name) ? resolveRef(spec, bodyExamples[name]).value : undefined,
          response: resolveRef(spec, answers[name])?.value,
        });
      }
      result.push({ operationId: operation.operationId, method: method.toUpperCase(), path, status: Number(status), cases, problems });
    }
  }
  return result;
}
