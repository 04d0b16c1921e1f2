// A throwaway TypeScript project that compiles code the way a user of the package would: the
// strict options users are told to expect, Node's and the DOM's types.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** Writes `dir/tsconfig.json`: strict, NodeNext, with `extra` compiler options and `include`. */
export function writeConsumerTsconfig(dir: string, extra: Record<string, unknown>, include: readonly string[]): void {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        lib: ['ES2024', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        ...extra,
      },
      include,
    }),
  );
}
