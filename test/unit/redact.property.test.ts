// The key in random mixes of encodings never survives redaction (the property is in
// redact-mixes.ts; redact.property.slow.test.ts runs it many more times).
import { beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, redactSecret, useDeepRedaction } from '../../src/internal/redact.js';
import { deepRedact } from '../../src/internal/redact-deep.js';
import { assertKeyNeverSurvives } from './redact-mixes.js';

beforeAll(() => useDeepRedaction(deepRedact));

describe('redactSecret: the key in any mix of encodings', () => {
  it('never survives, however its characters are written and nested, whatever surrounds it', () => {
    assertKeyNeverSurvives(120);
  });
  it('a backslash run written in mixed encodings (`\\\\` beside `%5C`) is found', () => {
    const key = 'key\\\\tail';
    for (const written of ['key\\\\%5Ctail', 'key%5C\\\\\\tail', 'key\\u005c%5Ctail', 'key&#92;\\\\tail', 'key%5Cu005c\\\\tail', 'key%255C%5ctail']) {
      expect(redactSecret(`(${written})`, key), written).toBe(`(${REDACTED})`);
    }
  });
});
