// What the lazily loaded modules (internal/schema-checks.ts, internal/safe-write.ts) use of the
// rest of the client. They receive it from resources.ts instead of importing it: an import
// would move those modules out of the main chunk into one shared with the lazy ones, and the
// main chunk, compressed in two parts, would grow.
import type * as Errors from '../errors.js';
import type { isObject, pointerTokens, valueAt } from './json.js';
import type { plainObject, setOwn } from './params.js';
import type { redactHeaders, redactValue } from './redact.js';
import type { mayHaveActed } from './transport.js';

/** The same functions and classes as the main chunk's (`instanceof` holds across). */
export interface Kit {
  readonly errors: Pick<
    typeof Errors,
    | 'CreateConflictError'
    | 'InvalidParameterError'
    | 'NotFoundError'
    | 'PartneroApiError'
    | 'RequestAbortedError'
    | 'ResponseValidationError'
    | 'UncertainCreateError'
    | 'UnprocessableEntityError'
    | 'describeValue'
  >;
  readonly mayHaveActed: typeof mayHaveActed;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly backoffMs: (retry: number) => number;
  readonly maxRetryAfterMs: number;
  readonly isObject: typeof isObject;
  readonly valueAt: typeof valueAt;
  readonly pointerTokens: typeof pointerTokens;
  readonly plainObject: typeof plainObject;
  readonly setOwn: typeof setOwn;
  readonly redactHeaders: typeof redactHeaders;
  readonly redactValue: typeof redactValue;
}
