/** The documented port of `npm run mock`. */
export const MOCK_PORT: number;
export function portOption(value: string | undefined, fallback: number): number;
export function stopOnSignals(name: string, close: () => unknown): () => boolean;
