// The property of redact.property.test.ts (a sample) and redact.property.slow.test.ts (many
// more runs): the key, written in random mixes of the encodings that redaction knows (JSON
// escapes, \u escapes, percent-encoding, HTML references, each nested in the others, character
// by character), inside random text full of escape fragments, never survives redactSecret.
import fc from 'fast-check';
import { expect } from 'vitest';
import { REDACTED, redactSecret } from '../../src/internal/redact.js';

const NAMED: Readonly<Record<string, string>> = { '"': 'quot', '&': 'amp', "'": 'apos', '<': 'lt', '>': 'gt' };
const hex = (n: number, width: number, upper: boolean): string => {
  const digits = n.toString(16).padStart(width, '0');
  return upper ? digits.toUpperCase() : digits;
};

/** One way of writing one UTF-16 code unit `char`, picked by `pick`, each character of which may be written again (`depth` more times). */
function encodeChar(char: string, depth: number, pick: () => number): string {
  const code = char.charCodeAt(0);
  const forms: (() => string)[] = [
    () => char,
    () => `\\u${hex(code, 4, pick() % 2 === 0)}`,
    () => `&#${'0'.repeat(pick() % 2)}${code};`,
    () => `&#${pick() % 2 ? 'x' : 'X'}${hex(code, 1, pick() % 2 === 0)};`,
  ];
  if (code < 0x80) forms.push(() => `%${hex(code, 2, pick() % 2 === 0)}`);
  if (char === '"' || char === '\\' || char === '/' || char === "'") forms.push(() => `\\${char}`);
  if (NAMED[char]) forms.push(() => `&${NAMED[char]};`);
  if (char === ' ') forms.push(() => '+');
  const written = forms[pick() % forms.length]!();
  if (depth === 0 || written === char) return written;
  // A layer over this one: each of its characters written again, or left as it is.
  return [...written].map((c) => (pick() % 3 === 0 ? encodeChar(c, depth - 1, pick) : c)).join('');
}

function encode(text: string, depth: number, pick: () => number): string {
  return [...text].map((char) => encodeChar(char, depth, pick)).join('');
}

// The key starts with a letter that no fragment of the surrounding text can make, so the key's
// only occurrence is where it was written; the rest leans on backslashes and escape characters.
const FIRST = 'ghijklnoqrstvwyz';
const keyArbitrary = fc
  .tuple(
    fc.constantFrom(...FIRST),
    fc.array(fc.constantFrom(...'\\\\\\\\"/\'%&+ #;<>abcdefxyzKLM0123456789-_.~'.split('')), { minLength: 6, maxLength: 24 }),
  )
  .map(([first, rest]) => first + rest.join(''));
// Text around the key: fragments of every escape, backslash runs, and plain characters.
const FRAGMENTS = ['\\', '\\\\', '%', '%25', '%5C', '%5c', '&', '&amp;', '&#', '&#x', ';', 'u', '00', '5c', '22', '"', '/', ' ', '+', 'a', 'Z', '0', '2', '5', 'c', 'C', ':', '{', '}'];
const textArbitrary = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }).map((parts) => parts.join(''));
// The text after the key starts with a character that cannot continue an escape the key ends in.
const afterArbitrary = fc.tuple(fc.constantFrom(' ', ',', ')', '}', ']'), textArbitrary).map(([first, rest]) => first + rest);

/** Checks the property on `runs` random keys, texts and mixes. */
export function assertKeyNeverSurvives(runs: number): void {
  fc.assert(
    fc.property(keyArbitrary, textArbitrary, afterArbitrary, fc.integer({ min: 0, max: 3 }), fc.infiniteStream(fc.nat()), (key, before, after, depth, picks) => {
      const iterator = picks[Symbol.iterator]();
      const pick = (): number => iterator.next().value as number;
      const written = encode(key, depth, pick);
      const text = `${before}${written}${after}`;
      const redacted = redactSecret(text, key);
      expect(redacted).not.toContain(written);
      expect(redacted).not.toContain(key);
      // Exactly one [REDACTED], in place of all of what was written (and perhaps an escape's
      // backslashes beside it): text[0, a) + [REDACTED] + text[b, end) with a <= start and b >= end.
      const at = redacted.indexOf(REDACTED);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(redacted.lastIndexOf(REDACTED)).toBe(at);
      const rest = redacted.slice(at + REDACTED.length);
      expect(text.startsWith(redacted.slice(0, at))).toBe(true);
      expect(text.endsWith(rest)).toBe(true);
      expect(at).toBeLessThanOrEqual(before.length);
      expect(text.length - rest.length).toBeGreaterThanOrEqual(before.length + written.length);
    }),
    { numRuns: runs },
  );
}
