// The part of the client loaded by import() on first use, as one chunk: the body and response
// checks with the generated validators, and what a write does after a failure that may have
// acted. A client that sends no body, validates no answer and meets no such failure never
// loads it.
import type * as Validators from '../generated/validators.js';
import type { Kit } from './kit.js';
import { useKit as useChecksKit } from './schema-checks.js';
import { useWriteKit } from './safe-write.js';

export { checkBody, checkChoice, checkResponse } from './schema-checks.js';
export { recoverWrite } from './safe-write.js';

/** Hands the lazy modules what they use of the main chunk, and the validators; called once, on loading. */
export function useKit(kit: Kit, validators: typeof Validators): void {
  useChecksKit(kit, validators);
  useWriteKit(kit);
}
// The validators, by name (the checks find them in this module's namespace, handed to useKit).
export * from '../generated/validators.js';
