/** One change of `redocly diff`'s JSON report, with the names spec-diff.mjs gives it. */
export interface SpecChange {
  readonly path: string;
  readonly kind: 'added' | 'modified' | 'removed' | string;
  readonly impact: 'major' | 'minor' | 'patch' | string;
  readonly typeName?: string;
  readonly property?: string;
  readonly verdicts?: readonly { readonly ruleId: string; readonly message: string }[];
  /** `<kind> <where> <pointer>[ · <property>]`: the name an acknowledgment gives. */
  readonly id: string;
  /** `METHOD /path`, a path, or '' for the rest of the document. */
  readonly where?: string;
  readonly pointer?: string;
  /** The file under openapi/ (and line) that holds it. */
  readonly source?: string;
}

/** The JSON report of `redocly diff`, its changes named. */
export interface SpecDiff {
  readonly summary: { readonly major: number; readonly minor: number; readonly patch: number };
  readonly infoVersions: { readonly base: string; readonly revision: string };
  readonly changes: readonly SpecChange[];
  readonly specs: { readonly base: unknown; readonly revision: unknown };
}

export interface Acknowledgment {
  readonly change: string;
  readonly reason: string;
}

export const ACKNOWLEDGMENTS: string;
export function diffSpecs(options: { base: string; revision: string; config?: string }): Promise<SpecDiff>;
export function segmentsOf(pointer: string): string[];
export function readAcknowledgments(file?: string): { entries: Acknowledgment[]; problems: string[] };
export function matchAcknowledgments<C extends { readonly id: string; readonly impact: string }>(
  diff: { readonly changes: readonly C[] },
  entries: readonly Acknowledgment[],
): { acknowledged: { change: C; reason: string }[]; unacknowledged: C[]; stale: Acknowledgment[] };
export function acknowledgmentLines(changes: readonly { readonly id: string }[]): string;
export function ratingOf(diff: { readonly changes: readonly { readonly impact: string }[] }): 'major' | 'minor' | 'patch' | 'none';
export function nextVersion(released: string, rating: string): string | undefined;
export function formatChange(change: SpecChange): string;
export function formatChanges(changes: readonly SpecChange[]): string;
