export interface Generator {
  seed: number;
  base: string;
  sample<T>(arbitrary: unknown, count?: number): T[];
}
export function generator(seed: number): Generator;
export function positiveKeys(schema: unknown, prefix: string, gen: Generator, random?: number): { label: string; value: string }[];
export function negativeStrings(schema: unknown, prefix: string): { label: string; value: string }[];
export function negativeQueryValues(schema: unknown): { label: string; value: string }[];
export function positiveQueryValues(schema: unknown): { label: string; value: number }[];
export function allowedString(schema: unknown, value: string): boolean;
