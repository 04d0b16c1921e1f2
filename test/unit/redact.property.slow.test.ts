// The property of redact.property.test.ts, on many more random keys, texts and mixes.
import { describe, it } from 'vitest';
import { assertKeyNeverSurvives } from './redact-mixes.js';

describe('redactSecret: the key in any mix of encodings (long run)', () => {
  it('never survives, in 5,000 random mixes', { timeout: 300_000 }, () => {
    assertKeyNeverSurvives(5_000);
  });
});
