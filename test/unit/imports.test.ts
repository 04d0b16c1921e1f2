// The house layout of src/, read from the imports themselves (TypeScript's own parser): core →
// features (writes, rate limit, bulk) → surfaces (src/cli/, src/mcp/), with only the executable
// (src/cli.ts) choosing between the surfaces; and no import cycles.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Kind = 'static' | 'type' | 'dynamic';
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: Kind;
}

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of `file` (static, type-only, or `import()`), resolved to a file of src/. */
function importsOf(file: string, files: ReadonlySet<string>): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (specifier: ts.Node | undefined, kind: Kind): void => {
    if (!specifier || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier.text)).replace(/\.js$/, '.ts');
    // A relative import that names no file of src/ is a mistake this test should not hide.
    expect(files.has(target), `${file} imports ${specifier.text}, which is no file of src/`).toBe(true);
    edges.push({ from: file, to: target, kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly ? 'type' : 'static');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], 'dynamic');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const files = sourceFiles('src');
const fileSet = new Set(files);
const edges = files.flatMap((file) => importsOf(file, fileSet));

/** The executable: the one module that may import both surfaces. */
const BIN = 'src/cli.ts';
const surfaceOf = (file: string): 'cli' | 'mcp' | undefined => (file.startsWith('src/cli/') ? 'cli' : file.startsWith('src/mcp/') ? 'mcp' : undefined);
/** Features: what a client uses only when asked (writes' recovery, the rate limiter, bulk). */
const FEATURES = [/^src\/bulk\//, /^src\/internal\/rate-limit(-redis)?\.ts$/, /^src\/internal\/safe-write\.ts$/, /^src\/internal\/lazy\.ts$/];
const isFeature = (file: string): boolean => FEATURES.some((pattern) => pattern.test(file));
const isCore = (file: string): boolean => file !== BIN && surfaceOf(file) === undefined && !isFeature(file);

/**
 * The core's documented lazy imports of features: loaded by import() on first use only, so
 * nothing of them is in the main chunk (each says so where it is made).
 */
const LAZY = [
  'src/client.ts -> src/internal/rate-limit.ts', // the `rateLimit` option
  'src/resources.ts -> src/internal/lazy.ts', // body checks and the recovery of writes, on first need
];


/** The strongly connected components of the import graph (every kind of import) that are cycles, each sorted. */
function cycles(): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) next.get(edge.from)!.push(edge.to);
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file)!) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next.get(file)!.includes(file)) found.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

describe('the house layout of src/', () => {
  it('reads the imports it judges (the parser sees static, type-only and lazy ones)', () => {
    // Guards the rules below against a parser that finds nothing: edges of each kind exist today.
    expect(edges.some((edge) => edge.from === 'src/client.ts' && edge.to === 'src/internal/rate-limit.ts' && edge.kind === 'dynamic')).toBe(true);
    expect(edges.some((edge) => edge.from === 'src/client.ts' && edge.to === 'src/internal/rate-limit.ts' && edge.kind === 'type')).toBe(true);
    expect(edges.some((edge) => edge.from === 'src/cli/run.ts' && edge.to === 'src/cli/args.ts' && edge.kind === 'static')).toBe(true);
    expect(edges.some((edge) => edge.from === BIN && edge.to === 'src/mcp/cli.ts' && edge.kind === 'dynamic')).toBe(true);
  });

  it('the surfaces (src/cli/, src/mcp/) never import each other; only the executable imports both, and the MCP one lazily', () => {
    const crossing = edges.filter((edge) => surfaceOf(edge.from) && surfaceOf(edge.to) && surfaceOf(edge.from) !== surfaceOf(edge.to));
    expect(crossing.map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([]);
    // `partnero <command>` never loads the MCP server (nor, through it, the SDK).
    expect(edges.filter((edge) => edge.from === BIN && surfaceOf(edge.to) === 'mcp' && edge.kind !== 'dynamic')).toEqual([]);
  });

  it('the core imports no feature or surface, except by import() where documented (type-only imports load nothing)', () => {
    const upward = edges.filter((edge) => isCore(edge.from) && !isCore(edge.to) && edge.kind !== 'type');
    expect(upward.filter((edge) => edge.kind !== 'dynamic' || !LAZY.includes(`${edge.from} -> ${edge.to}`)).map((edge) => `${edge.from} -> ${edge.to} (${edge.kind})`)).toEqual([]);
    // Each documented lazy import is still there and still lazy.
    for (const lazy of LAZY) expect(upward.map((edge) => `${edge.from} -> ${edge.to}`), lazy).toContain(lazy);
    // Features build on the core, never on a surface.
    expect(edges.filter((edge) => isFeature(edge.from) && surfaceOf(edge.to)).map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([]);
  });

  it('no import cycles', () => {
    expect(cycles()).toEqual([]);
  });
});
