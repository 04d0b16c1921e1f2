// Types of redocly-plugin.mjs, for the tests that use its checks directly.
/** The mark, as the spec writes it: `**[inferred]**`. */
export declare const INFERRED_MARK: string;
/** The extension that lists what each mark assumes: `x-partnero-inferred`. */
export declare const INFERRED_KEY: string;
/** How many marks a text holds (0 for anything but a string). */
export declare function countMarks(text: unknown): number;
/** What is wrong with an object's marks and entries, as messages (none when they agree). */
export declare function inferredProblems(node: unknown): string[];
/** The Redocly plugin (id `partnero`). */
export default function partneroPlugin(): { id: string; rules: Record<string, Record<string, unknown>> };
