// Types of docs-site.mjs, for the docs tests.
/** Where `npm run sandbox` listens, and its API key: the console's defaults. */
export declare const SANDBOX: { readonly url: string; readonly apiKey: string };
/** The reference's address of an operation (Scalar's `tag/<tag>/<METHOD><path>`). */
export declare function referenceAnchor(tag: string, method: string, path: string): string;
/** The operations page (Markdown) of a readers' spec. */
export declare function operationsPage(spec: unknown): string;
/** The script that starts Scalar on the reference page. */
export declare function referenceConfig(): string;
/** The reference page's HTML. */
export declare function referencePage(title: string): string;
/** Serves a built site on 127.0.0.1; port 0 picks a free one. */
export declare function startSiteServer(root: string, port?: number): Promise<{ url: string; close(): Promise<void> }>;
/** `npm run docs -- --serve`: serves the built site until Ctrl-C. */
export declare function serveSite(root: string, port: number): Promise<void>;
