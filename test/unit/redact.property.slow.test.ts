// The property of redact.property.test.ts, on many more random keys, texts and mixes.
import { beforeAll, describe, it } from 'vitest';
import { deepRedact } from '../../src/internal/redact-deep.js';
import { useDeepRedaction } from '../../src/internal/redact.js';
import { assertKeyNeverSurvives } from './redact-mixes.js';

beforeAll(() => useDeepRedaction(deepRedact));

describe('redactSecret: the key in any mix of encodings (long run)', () => {
  it('never survives, in 5,000 random mixes', { timeout: 300_000 }, () => {
    assertKeyNeverSurvives(5_000);
  });
});
