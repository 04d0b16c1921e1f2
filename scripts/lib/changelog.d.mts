import type { SpecChange, SpecDiff } from './spec-diff.mjs';

export function isWordsOnly(change: SpecChange): boolean;
export function subjectOf(change: SpecChange, specs?: SpecDiff['specs']): string;
export function changelogEntry(options: {
  version: string;
  date: string;
  diff: SpecDiff;
  acknowledged: readonly { change: SpecChange; reason: string }[];
}): string;
