// The part of the client loaded by import() on first use, as one chunk: the body and response
// checks with the generated validators, and what a write does after a failure that may have
// acted. A client that sends no body, validates no answer and meets no such failure never
// loads it.
export { checkBody, checkResponse, useKit } from './schema-checks.js';
export { afterFailedWrite } from './safe-write.js';
// The validators, by name (the checks find them in this module's namespace, handed to useKit).
export * from '../generated/validators.js';
