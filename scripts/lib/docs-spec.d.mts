/** Returns the readers' copy of a bundled spec: code samples added, source tags as notes, patterns in words, no paragraph twice. */
export function prepareDocsSpec(bundled: unknown): any;
/** Every `description` of a spec (changed in place) with its source tags moved into one "Source" note at its end. */
export function provenanceAsNotes<T>(node: T): T;
/** A description without its source tags, and a one-line note naming the sources they gave. */
export function withSourceNote(text: string): string;
/** Each `pattern` of a spec (changed in place): its words added to the description, the regex left out. */
export function patternsInWords<T>(node: T): T;
/** The paragraphs of a Markdown text, each with its lines joined (for comparison). */
export function paragraphs(text: string | undefined): string[];
