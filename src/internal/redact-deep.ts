// The second search of redaction (see redact.ts): a decoder that undoes every escape a few
// layers deep, then looks for the key decoded the same way, with backslashes (the escapes' own)
// set aside. It finds the key in nested mixes of escapes (`%5Cu0022`, `&#37;22`, `\\` beside
// `%5C`) that a pattern of per-character forms cannot, in linear time. Kept out of the main
// chunk (and importing nothing, so that it stays a chunk of its own): useDeepRedaction(deepRedact)
// joins it to redactSecret.

/** What takes the key's place (redact.ts's REDACTED, which this module does not import). */
const REDACTED = '[REDACTED]';

/** What a secret is looked for with; made once per secret. */
interface Compiled {
  /** The secret decoded, without its backslashes (`+` read as a space). */
  readonly canonical: string;
  /** How many backslashes the decoded secret holds (all of it, when `canonical` is empty). */
  readonly backslashes: number;
  /** Whether a match takes the backslashes right before it (the secret starts with one, or with a character JSON escapes). */
  readonly leading: boolean;
  /** Whether a match takes the backslashes right after it (the secret ends with one). */
  readonly trailing: boolean;
}

let cachedSecret = '';
let cached: Compiled | undefined;

/** `text` redacted with both searches: `pattern` (redact.ts's, global) and the decoder. */
export function deepRedact(text: string, secret: string, pattern: RegExp): string {
  // Text without an escape character holds the key only as itself, which the pattern finds.
  if (!ESCAPES.test(text)) return text.replace(pattern, REDACTED);
  if (secret !== cachedSecret || cached === undefined) {
    cached = compile(secret);
    cachedSecret = secret;
  }
  const spans: number[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) spans.push(match.index, match.index + match[0].length);
  decodedSpans(text, cached, spans);
  return spans.length === 0 ? text : replaceSpans(text, spans);
}

/** `text` with each span (start, end pairs, in any order, overlapping or not) replaced by one [REDACTED] per run of touching spans. */
function replaceSpans(text: string, flat: readonly number[]): string {
  const spans: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) spans.push([flat[i]!, flat[i + 1]!]);
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = '';
  let at = 0;
  let open: [number, number] | undefined;
  for (const span of spans) {
    if (open && span[0] <= open[1]) open[1] = Math.max(open[1], span[1]);
    else {
      if (open) {
        out += text.slice(at, open[0]) + REDACTED;
        at = open[1];
      }
      open = [span[0], span[1]];
    }
  }
  if (open) {
    out += text.slice(at, open[0]) + REDACTED;
    at = open[1];
  }
  return out + text.slice(at);
}


function compile(secret: string): Compiled {
  const atoms = decodeAtoms(secret);
  let backslashes = atoms.tail?.count ?? 0;
  for (let i = 0; i < atoms.escapes.length; i++) backslashes += atoms.escapes[i]!;
  const first = atoms.chars[0];
  return {
    canonical: canonicalOf(atoms),
    backslashes,
    leading: (atoms.escapes[0] ?? 0) > 0 || first === undefined || first === '"' || first === '/' || first === "'",
    trailing: atoms.tail !== undefined,
  };
}

const BACKSLASH = 0x5c;
/** The characters an escape starts with (and `+`, a space in a form-encoded value). */
const ESCAPES = /[%&\\+]/;
/** Layers of escapes undone at most: each pass undoes one, in linear time. */
const MAX_PASSES = 8;

/**
 * A text as decoded characters (UTF-16 code units) other than backslashes, each with the span of
 * the text it was written as (`chars[i]` came from `text.slice(start[i], end[i])`). Backslashes,
 * as written or decoded, are the escapes' own, whatever layer they belong to: a run of them is
 * folded into the character after it (`escapes[i]` of them, from `escapeStart[i]` to `start[i]`),
 * so that an escape nested in another (`&#x\u0033;`) still reads whole; a run at the very end
 * is `tail`.
 */
interface Atoms {
  readonly chars: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly escapeStart: Int32Array;
  readonly escapes: Int32Array;
  readonly tail: { readonly start: number; readonly end: number; readonly count: number } | undefined;
}

// Sticky: tried at one position only. `(?:amp;)*` takes an ampersand escaped again any number
// of times in one step (&amp;amp;quot;), as byteAt does a percent sign (%2522).
const REFERENCE = /&(?:amp;)*(?:(quot|amp|apos|lt|gt)|#0*([0-9]{1,7})|#[xX]0*([0-9a-fA-F]{1,6}));/y;
/** A \u escape after its backslashes (which are folded into the `u`). */
const UNICODE = /u([0-9a-fA-F]{4})/y;
const NAMED_CODES: Readonly<Record<string, number>> = { quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e };

/**
 * Builds Atoms: decoded characters are added one by one, stretches left as they were are copied
 * whole (most of a text is), and a backslash waits to be folded into the character after it.
 */
class AtomWriter {
  readonly #pieces: string[] = [];
  readonly #start: Int32Array;
  readonly #end: Int32Array;
  readonly #escapeStart: Int32Array;
  readonly #escapes: Int32Array;
  #length = 0;
  #runStart = -1;
  #runEnd = -1;
  #run = 0;

  constructor(capacity: number) {
    this.#start = new Int32Array(capacity);
    this.#end = new Int32Array(capacity);
    this.#escapeStart = new Int32Array(capacity);
    this.#escapes = new Int32Array(capacity);
  }

  /** Adds `escapes` backslashes written from `escapeStart` to `start`, then the code point written from `start` to `end`. */
  add(codePoint: number, start: number, end: number, escapeStart: number, escapes: number): void {
    if (escapes > 0) this.#backslashes(escapeStart, start, escapes);
    if (codePoint === BACKSLASH) {
      this.#backslashes(start, end, 1);
      return;
    }
    const text = String.fromCodePoint(codePoint);
    this.#pieces.push(text);
    for (let k = 0; k < text.length; k++) {
      const i = this.#length++;
      this.#start[i] = start;
      this.#end[i] = end;
      this.#escapeStart[i] = this.#run > 0 ? this.#runStart : start;
      this.#escapes[i] = this.#run;
      this.#run = 0;
    }
  }

  /** Adds atoms `from` to `to` of `atoms` as they are (none of them a backslash). */
  copy(atoms: Atoms, from: number, to: number): void {
    if (from < to && this.#run > 0) {
      this.add(atoms.chars.charCodeAt(from), atoms.start[from]!, atoms.end[from]!, atoms.escapeStart[from]!, atoms.escapes[from]!);
      from += 1;
    }
    if (from >= to) return;
    this.#pieces.push(atoms.chars.slice(from, to));
    this.#start.set(atoms.start.subarray(from, to), this.#length);
    this.#end.set(atoms.end.subarray(from, to), this.#length);
    this.#escapeStart.set(atoms.escapeStart.subarray(from, to), this.#length);
    this.#escapes.set(atoms.escapes.subarray(from, to), this.#length);
    this.#length += to - from;
  }

  /** Adds `text.slice(from, to)` (no backslash in it) as written. */
  copyText(text: string, from: number, to: number): void {
    if (from < to && this.#run > 0) {
      this.add(text.charCodeAt(from), from, from + 1, from, 0);
      from += 1;
    }
    if (from >= to) return;
    this.#pieces.push(text.slice(from, to));
    for (let i = from; i < to; i++) {
      const at = this.#length++;
      this.#start[at] = i;
      this.#end[at] = i + 1;
      this.#escapeStart[at] = i;
    }
  }

  #backslashes(start: number, end: number, count: number): void {
    if (this.#run === 0) this.#runStart = start;
    this.#runEnd = end;
    this.#run += count;
  }

  done(tail: Atoms['tail']): Atoms {
    if (tail) this.#backslashes(tail.start, tail.end, tail.count);
    const n = this.#length;
    return {
      chars: this.#pieces.join(''),
      start: this.#start.subarray(0, n),
      end: this.#end.subarray(0, n),
      escapeStart: this.#escapeStart.subarray(0, n),
      escapes: this.#escapes.subarray(0, n),
      tail: this.#run > 0 ? { start: this.#runStart, end: this.#runEnd, count: this.#run } : undefined,
    };
  }
}

/** `text` with its escapes undone, layer by layer (at most MAX_PASSES), each character keeping the span it came from. */
function decodeAtoms(text: string): Atoms {
  const writer = new AtomWriter(text.length);
  let from = 0;
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 1)) {
    writer.copyText(text, from, i);
    writer.add(BACKSLASH, i, i + 1, i, 0);
    from = i + 1;
  }
  writer.copyText(text, from, text.length);
  let atoms = writer.done(undefined);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = decodePass(atoms);
    if (next === undefined) break;
    atoms = next;
  }
  return atoms;
}

/** One layer of escapes undone; undefined when there was none. */
function decodePass(atoms: Atoms): Atoms | undefined {
  const { chars } = atoms;
  let writer: AtomWriter | undefined;
  let from = 0;
  for (let i = 0; i < chars.length; ) {
    const code = chars.charCodeAt(i);
    let taken = 0;
    let codePoint = -1;
    if (code === 0x25 /* % */) {
      if (percentAt(chars, i)) [codePoint, taken] = [percentValue, percentLength];
    } else if (code === 0x26 /* & */) {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(chars);
      if (match) {
        const value = match[1] !== undefined ? NAMED_CODES[match[1]]! : parseInt(match[2] ?? match[3]!, match[2] !== undefined ? 10 : 16);
        if (value <= 0x10ffff) {
          codePoint = value;
          taken = match[0].length;
        }
      }
    } else if (code === 0x75 /* u */ && atoms.escapes[i]! > 0) {
      UNICODE.lastIndex = i;
      const match = UNICODE.exec(chars);
      if (match) {
        codePoint = parseInt(match[1]!, 16);
        taken = match[0].length;
      }
    }
    if (taken === 0) {
      i += 1;
      continue;
    }
    writer ??= new AtomWriter(chars.length);
    writer.copy(atoms, from, i);
    const end = atoms.end[i + taken - 1]!;
    // A \u escape takes one backslash of the run before it (the others may be an outer
    // escape's: `\\u0075007E` is `~` with its `u` escaped again); those before %XX or &...; stay.
    if (code === 0x75) writer.add(codePoint, atoms.escapeStart[i]!, end, atoms.escapeStart[i]!, atoms.escapes[i]! - 1);
    else writer.add(codePoint, atoms.start[i]!, end, atoms.escapeStart[i]!, atoms.escapes[i]!);
    i += taken;
    from = i;
  }
  if (!writer) return undefined;
  writer.copy(atoms, from, chars.length);
  return writer.done(atoms.tail);
}

/** The value of the hex digit at `i` of `chars`, or -1. */
function hexAt(chars: string, i: number): number {
  const code = chars.charCodeAt(i);
  return code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1;
}

// What percentAt found (module variables rather than a tuple per call: this runs per character).
let percentValue = -1;
let percentLength = 0;

/** Reads one %XX (or %25XX, %2525XX...: a `%` escaped again) at `at` into percentValue, percentLength; false if none. */
function byteAt(chars: string, at: number): boolean {
  if (chars.charCodeAt(at) !== 0x25) return false;
  let q = at + 1;
  while (chars.charCodeAt(q) === 0x32 && chars.charCodeAt(q + 1) === 0x35 && hexAt(chars, q + 2) >= 0 && hexAt(chars, q + 3) >= 0) q += 2;
  const high = hexAt(chars, q);
  const low = hexAt(chars, q + 1);
  if (high < 0 || low < 0) return false;
  percentValue = high * 16 + low;
  percentLength = q + 2 - at;
  return true;
}

/** Reads the character percent-encoded at `i` (its UTF-8 bytes, each %XX or %25XX...) into percentValue and percentLength; false if none. */
function percentAt(chars: string, i: number): boolean {
  if (!byteAt(chars, i)) return false;
  const lead = percentValue;
  if (lead < 0x80) return true;
  // Not a character as it stands (%25d9: a `%` escaped, then `d9`): only the `%25` is one, if there.
  const escapedPercent = (): boolean => {
    [percentValue, percentLength] = [0x25, 3];
    return chars.startsWith('%25', i);
  };
  const count = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
  if (count < 0) return escapedPercent();
  let codePoint = lead & (0x3f >> count);
  let taken = percentLength;
  for (let k = 0; k < count; k++) {
    if (!byteAt(chars, i + taken) || percentValue < 0x80 || percentValue > 0xbf) return escapedPercent();
    codePoint = (codePoint << 6) | (percentValue & 0x3f);
    taken += percentLength;
  }
  if (codePoint > 0x10ffff) return escapedPercent();
  percentValue = codePoint;
  percentLength = taken;
  return true;
}

/** The decoded characters as they are compared: `+` read as a space (form encoding). */
function canonicalOf(atoms: Atoms): string {
  return atoms.chars.includes('+') ? atoms.chars.replaceAll('+', ' ') : atoms.chars;
}

/** Adds to `spans` where the decoded text holds the decoded secret. */
function decodedSpans(text: string, secret: Compiled, spans: number[]): void {
  const atoms = decodeAtoms(text);
  const { tail } = atoms;
  if (secret.canonical === '') {
    // A secret of backslashes only: any run of at least as many (however each is written).
    for (let i = 0; i < atoms.chars.length; i++) if (atoms.escapes[i]! >= secret.backslashes) spans.push(atoms.escapeStart[i]!, atoms.start[i]!);
    if (tail && tail.count >= secret.backslashes) spans.push(tail.start, tail.end);
    return;
  }
  const canonical = canonicalOf(atoms);
  const size = secret.canonical.length;
  for (let at = canonical.indexOf(secret.canonical); at !== -1; at = canonical.indexOf(secret.canonical, at + size)) {
    const last = at + size - 1;
    // The backslashes before and after the key are the key's when it starts or ends with one,
    // starts with a character JSON escapes, or with an escape (whose backslashes may be escaped again).
    const start = secret.leading || atoms.end[at]! - atoms.start[at]! > 1 ? atoms.escapeStart[at]! : atoms.start[at]!;
    let end = atoms.end[last]!;
    if (secret.trailing) end = last + 1 < atoms.chars.length ? (atoms.escapes[last + 1]! > 0 ? atoms.start[last + 1]! : end) : (tail?.end ?? end);
    spans.push(start, end);
  }
}

