// Types of size.mjs, for the test that holds the main chunk to its bound.

export interface SizeRow {
  readonly id: string;
  readonly median: number;
  /** The chunks' bytes, raw and gzip-compressed (level 9). */
  readonly bytes: { readonly raw: number; readonly gzip: number };
  readonly chunks?: readonly string[];
}

/** The main chunk (the entry and what it imports statically), the lazy chunks, and openapi-fetch alone, bundled from `entry` as an app would. */
export declare function size(root: string, entry: string): Promise<[main: SizeRow, lazy: SizeRow, openapiFetch: SizeRow]>;
