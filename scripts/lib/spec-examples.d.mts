// Types of spec-examples.mjs.

/** One example case of an operation: the values of one example name, and the answer of that name. */
export interface ExampleCase {
  readonly name: string;
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly response: unknown;
}

/** An operation with its example cases, in document order. */
export interface OperationExamples {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** The success status its examples use. */
  readonly status: number;
  readonly cases: readonly ExampleCase[];
  /** Names the request uses that cannot make a case (a required parameter or the body without it). */
  readonly problems: readonly string[];
}

/** `node` with its `$ref`s into a bundled `spec` followed. */
export declare function resolveRef(spec: unknown, node: unknown): any;
/** The success status an operation's examples use: its x-partnero-example-status, else its only 2xx. */
export declare function exampleStatus(operation: unknown): string;
/** Every operation's example cases, in document order. */
export declare function exampleCases(spec: unknown): OperationExamples[];
