export function createObservations(): {
  add(pointer: string, check: string, held: boolean, evidence: string, edit?: string): void;
  under(pointer: string): { pointer: string; check: string; held: boolean; evidence: string; count: number }[];
};
export function judgeInferences(
  inferences: { id: string; pointer: string; claim: string; check?: string; file: string }[],
  observations: ReturnType<typeof createObservations>,
  findings: { check: string; pointers?: string[]; edit?: string; request: string; expected: string; came: string }[],
  options: { selected: (check: string) => boolean },
): { claim: string; file: string; pointer: string; check?: string; verdict: string; evidence: string; edit?: string }[];
