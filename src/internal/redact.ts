// Removes the API key from text that came from elsewhere (a server's error body, a header, an
// error thrown by an injected fetch) before it goes into a message. Servers echo what they were
// sent in many encodings, so the key is matched however each of its characters is written:
// as itself, JSON-escaped (`\"`, `\\`, `\/`, `\u0022`), percent-encoded (`%22`) or as an HTML
// character reference (`&quot;`, `&#34;`, `&#x22;`), in any mix and hex case (patternOf).
//
// Escapes nested in one another (`%5Cu0022`, `&#37;22`, `\\` beside `%5C`) are the decoder's
// (redact-deep.ts), which joins its finds to the pattern's once it is loaded: the surfaces (the
// CLI, the MCP server) load it before they print anything, and a client starts loading it when
// it is created, out of the main chunk.

/** What takes the key's place. */
export const REDACTED = '[REDACTED]';

/** Redacts `text` with both searches: the pattern's matches (`pattern`, global) and the decoder's finds. */
export type DeepRedaction = (text: string, secret: string, pattern: RegExp) => string;

let deep: DeepRedaction | undefined;

/** Joins the decoder's finds to every later redaction (redact-deep.ts calls it). */
export function useDeepRedaction(finder: DeepRedaction): void {
  deep = finder;
}

let cachedSecret = '';
let cachedPattern: RegExp | undefined;

/**
 * `text` with every occurrence of `secret` replaced by `[REDACTED]`, however it is escaped.
 * A short secret may redact ordinary words too: a false alarm is preferred to a leak.
 */
export function redactSecret(text: string, secret: string): string {
  if (secret === '' || text === '') return text;
  if (secret !== cachedSecret || cachedPattern === undefined) {
    cachedPattern = patternOf(secret);
    cachedSecret = secret;
  }
  cachedPattern.lastIndex = 0;
  return deep ? deep(text, secret, cachedPattern) : text.replace(cachedPattern, REDACTED);
}

/** `value` with the secret redacted from every string in it (object keys included); `value` itself when nothing changed. */
export function redactValue(value: unknown, secret: string, depth = 0): unknown {
  if (typeof value === 'string') return redactSecret(value, secret);
  if (typeof value !== 'object' || value === null || depth > 50) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const redacted = redactValue(item, secret, depth + 1);
      changed ||= redacted !== item;
      return redacted;
    });
    return changed ? out : value;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const redactedKey = redactSecret(key, secret);
    const redacted = redactValue(item, secret, depth + 1);
    changed ||= redacted !== item || redactedKey !== key;
    out[redactedKey] = redacted;
  }
  return changed ? out : value;
}

/** `headers` with the secret redacted from every value; `headers` itself when none holds it. */
export function redactHeaders(headers: Headers, secret: string): Headers {
  let out: Headers | undefined;
  for (const [name, value] of headers) {
    const redacted = redactSecret(value, secret);
    if (redacted !== value) (out ??= new Headers(headers)).set(name, redacted);
  }
  return out ?? headers;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { '"': 'quot', '&': 'amp', "'": 'apos', '<': 'lt', '>': 'gt' };

function patternOf(secret: string): RegExp {
  let source = '';
  let groups = 0;
  // A run of backslashes is taken whole and never given back (a lookahead is atomic), and only
  // from its start: backtracking into runs made redaction quadratic (150 KB of `\` took 25 s).
  const run = (min: string): string => `(?<!\\\\)(?=(\\\\{${min},}))\\${++groups}(?:)`;
  const chars = [...secret];
  for (let i = 0; i < chars.length; i++) {
    let count = 0;
    while (chars[i + count] === '\\') count++;
    if (count > 0) {
      // The secret's own backslashes: as a run (each written `\\`, or escaped again: at least
      // as many), or each in another form (`%5C`, `&#92;`, ...).
      source += `(?:${run(String(count))}|(?:${alternativesOf('\\', run, false)}){${count}})`;
      i += count - 1;
      continue;
    }
    source += `(?:${alternativesOf(chars[i]!, run, chars[i - 1] === '\\')})`;
  }
  return new RegExp(source, 'gu');
}

/**
 * Every way one character of the secret may be written. `afterRun`: it follows the secret's
 * backslashes, whose run took every backslash there, its own escape's included.
 */
function alternativesOf(char: string, run: (min: string) => string, afterRun: boolean): string {
  const code = char.codePointAt(0) ?? 0;
  // Longer forms first, so that `%25` is taken whole for a secret holding `%`.
  const ways: string[] = [];
  // Percent-encoding of each UTF-8 byte, also percent-encoded again (%2522).
  const bytes = [...new TextEncoder().encode(char)].map((byte) => anyCase(byte.toString(16).padStart(2, '0')));
  ways.push(bytes.map((byte) => `%(?:25)*${byte}`).join(''));
  // JSON and JavaScript escapes, also escaped again (JSON inside JSON): \u0022 \" \\" \\\".
  const unicode = `u${anyCase(code.toString(16).padStart(4, '0'))}`;
  if (code <= 0xffff) ways.push(`${run('1')}${unicode}`, ...(afterRun ? [unicode] : []));
  // HTML character references.
  ways.push(`&#0*${code};`, `&#[xX]0*${anyCase(code.toString(16))};`);
  const entity = NAMED_ENTITIES[char];
  if (entity) ways.push(`&${entity};`);
  if (char === '"' || char === '/' || char === "'") ways.push(`${run('1')}${escapeRegExp(char)}`);
  if (char === ' ') ways.push('\\+');
  ways.push(escapeRegExp(char));
  return ways.join('|');
}

function anyCase(hex: string): string {
  return hex.replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
