// Reading and writing JSON values by JSON pointer tokens (`['data', 'url']` for `/data/url`).

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `tokens` in `value`, or undefined when the path does not exist. */
export function valueAt(value: unknown, tokens: readonly string[]): unknown {
  let current = value;
  for (const token of tokens) {
    current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[token] : undefined;
  }
  return current;
}

/** The tokens of a JSON pointer (`/partner/id` → `['partner', 'id']`). */
export function pointerTokens(pointer: string): string[] {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
