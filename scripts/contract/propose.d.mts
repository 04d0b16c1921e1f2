// Types of propose.mjs, for its tests.
export interface Verdict {
  claim: string;
  file: string;
  pointer: string;
  check?: string;
  by?: string;
  verdict: string;
  evidence: string;
  changes?: { at: string; drop: string[]; why: string }[] | undefined;
}
export interface Departure {
  kind: 'inference' | 'finding';
  check: string;
  claim: string;
  evidence: string;
  file?: string;
}
export declare const DATA_GUARDING: string[];
export declare const YAML_OUTPUT: { lineWidth: number; flowCollectionPadding: boolean };
export declare function sortVerdicts(
  inferences: Verdict[],
  findings: { check: string; pointers?: string[]; request: string; label?: string; expected: string; came: string }[],
  options?: { confirmations?: boolean },
): { proposals: Verdict[]; departures: Departure[]; left: Verdict[] };
export declare function propose(options: {
  proposals: Verdict[];
  specPath: string;
  origin: string;
  date: string;
  redact?: (text: string) => string;
  root: string;
}): Promise<{ diff: string; files: Map<string, { before: string; after: string }>; hunks: { claim: string; file: string; changed: string[] }[] }>;
export declare function apply(files: Map<string, { before: string; after: string }>): Promise<void>;
