/** Where in the bundled spec a problem is. */
export type NameLocation =
  | { readonly operation: string; readonly method: string }
  | { readonly schema: string }
  | { readonly parameter: string; readonly operation: string; readonly method: string };

/** A name of the spec that cannot become working, compiling, collision-free code. */
export interface NameProblem {
  readonly at: NameLocation;
  readonly name: string;
  readonly message: string;
}

export const OBJECT_MEMBERS: readonly string[];
export const NOT_AWAITABLE: readonly string[];
export const RESERVED_WORDS: ReadonlySet<string>;
export function isIdentifier(name: unknown): boolean;
export function kebab(name: string): string;
export function pascal(name: string): string;
export function globalNames(): Set<string>;
export function exportedNames(source: string): Set<string>;
export function argumentNames(pathParameters: readonly string[], taken?: readonly string[]): string[];
export function checkNames(
  spec: unknown,
  options?: { fixedNames?: readonly string[]; exports?: ReadonlySet<string>; globals?: ReadonlySet<string> },
): NameProblem[];
export function duplicateDeclarations(source: string, options?: { flat?: boolean }): string[];
export function locate(at: NameLocation, name: string, rootFile: string, cwd?: string): string;
export const GENERATED_NAMES: readonly string[];
