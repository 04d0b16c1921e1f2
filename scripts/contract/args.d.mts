export const FLAGS: Record<string, { type: 'string' | 'boolean'; help: string; value?: string; default?: string }>;
export const USAGE: string;
export function flag(name: string): string;
