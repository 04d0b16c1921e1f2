// JSON pointers: into the spec (`pointerOf`) and into bodies (`at`, `setAt`). No dependencies, so
// that the checks can be loaded without the spec's bundler.

export const pointerOf = (...tokens) => `#/${tokens.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** A JSON-pointer read of a value (`/data/0/key`). */
export function at(value, pointer) {
  if (!pointer) return value;
  return pointer
    .split('/')
    .slice(1)
    .reduce((current, token) => (current === null || typeof current !== 'object' ? undefined : current[token.replace(/~1/g, '/').replace(/~0/g, '~')]), value);
}

/** `value` with `pointer` set to `item` (objects created on the way). */
export function setAt(value, pointer, item) {
  const tokens = pointer.split('/').slice(1);
  const out = structuredClone(value);
  let current = out;
  tokens.forEach((token, i) => {
    if (i === tokens.length - 1) current[token] = item;
    else current = current[token] ??= {};
  });
  return out;
}
