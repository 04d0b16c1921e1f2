// The readers' copy of the spec (scripts/lib/docs-spec.mjs), on small inputs: source tags become
// one note, a tag that is the sentence's word stays a word, patterns become words.
import { describe, expect, it } from 'vitest';
import { patternsInWords, withSourceNote } from '../../scripts/lib/docs-spec.mjs';

describe('withSourceNote', () => {
  it('moves the tags into one note naming the kinds of source, once each', () => {
    const text = 'Creates a link [doc D-create, V-partner]. Keys are unique [doc V-partner] [sdk S-php].';
    expect(withSourceNote(text)).toBe(
      "Creates a link. Keys are unique.\n\n*Source: Partnero's API documentation, Partnero's developer portal, Partnero's PHP SDK.*",
    );
  });

  it('says when part of it is inferred, and keeps "is inferred" a sentence', () => {
    const text = 'The answer is **[inferred]**. A list [doc\nD-list] **[inferred]** of links.';
    expect(withSourceNote(text)).toBe(
      "The answer is inferred. A list of links.\n\n*Source: Partnero's API documentation; part of it inferred from these (not stated by Partnero).*",
    );
  });

  it('leaves a description without tags as it is', () => {
    expect(withSourceNote('Plain words, [a link](https://example.com).')).toBe('Plain words, [a link](https://example.com).');
  });
});

describe('patternsInWords', () => {
  it("puts a schema's x-partnero-pattern and length in its description, and drops the regex", () => {
    const schema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z]+$', 'x-partnero-pattern': 'lower-case letters', description: 'The key.' };
    patternsInWords(schema);
    expect(schema).not.toHaveProperty('pattern');
    expect(schema.description).toBe('The key.\n\nAllowed: lower-case letters, 1 to 64 characters. The exact rule is in [openapi.json](../openapi.json).');
  });

  it("puts a parameter's words on the parameter, which the reference shows", () => {
    const parameter = { in: 'path', name: 'id', description: 'The id.', schema: { type: 'string', pattern: '^[a-z]+$', 'x-partnero-pattern': 'lower-case letters' } };
    patternsInWords(parameter);
    expect(parameter.schema).not.toHaveProperty('pattern');
    expect(parameter.description).toMatch(/^The id\.\n\nAllowed: lower-case letters\./);
  });

  it('refuses a pattern it has no words for', () => {
    expect(() => patternsInWords({ pattern: '^x$' })).toThrow(/no words for the pattern \^x\$/);
  });
});
