/** Where in the bundled spec a problem is. */
export type NameLocation =
  | { readonly operation: string; readonly method: string }
  | { readonly schema: string }
  | { readonly parameter: string; readonly operation: string; readonly method: string }
  /** A field of an operation's request body, by its dotted path (`partner.id`). */
  | { readonly field: string; readonly operation: string; readonly method: string };

/** A name of the spec that cannot become working, compiling, collision-free code. */
export interface NameProblem {
  readonly at: NameLocation;
  readonly name: string;
  readonly message: string;
}

export const OBJECT_MEMBERS: readonly string[];
export const NOT_AWAITABLE: readonly string[];
export const RESERVED_WORDS: ReadonlySet<string>;
/** Words the CLI keeps for commands of its own in a resource's place. */
export const CLI_COMMAND_WORDS: readonly string[];
/** Flags the CLI has on every command and with --from: no parameter or field may take them. */
export const CLI_FLAGS: readonly string[];
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
