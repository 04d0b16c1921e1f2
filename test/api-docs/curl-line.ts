// Reads a curl sample from the docs into the request it makes, as a POSIX shell would split it:
// '…' literal, "…" with $VAR expanded from `env`, backslash-newline joins lines. Only the
// options the samples use are understood (-X, -H, -d); anything else fails loudly.
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function parseCurl(line: string, env: Record<string, string | undefined>): CurlRequest {
  const words = shellWords(line, env);
  if (words.shift() !== 'curl') throw new Error(`not a curl line: ${line}`);
  const request: CurlRequest = { method: 'GET', url: '', headers: {} };
  while (words.length) {
    const word = words.shift()!;
    const value = () => {
      const next = words.shift();
      if (next === undefined) throw new Error(`${word} needs a value`);
      return next;
    };
    if (word === '-X') request.method = value();
    else if (word === '-H') {
      const header = value();
      const colon = header.indexOf(':');
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d') {
      request.body = value();
      if (request.method === 'GET') request.method = 'POST';
    } else if (!word.startsWith('-') && !request.url) request.url = word;
    else throw new Error(`curl option not understood: ${word}`);
  }
  return request;
}

function shellWords(line: string, env: Record<string, string | undefined>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const add = (text: string) => (word = (word ?? '') + text);
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === '\n') i++;
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      add(line.slice(i + 1, end));
      i = end;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error('unterminated double quote');
      add(line.slice(i + 1, end).replace(/\$(\w+)|\$\{(\w+)\}/g, (_, a, b) => env[a ?? b] ?? ''));
      i = end;
    } else if (c === '\\') add(line[++i] ?? '');
    else add(c);
  }
  if (word !== undefined) words.push(word);
  return words;
}
