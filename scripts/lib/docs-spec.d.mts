/** Returns the docs copy of a bundled spec: code samples added, operations untagged, no paragraph twice. */
export function prepareDocsSpec(bundled: unknown): any;
/** The paragraphs of a Markdown text, each with its lines joined (for comparison). */
export function paragraphs(text: string | undefined): string[];
