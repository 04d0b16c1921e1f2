// `partnero-client/bulk`: one operation over many inputs, in input order, with progress and
// cancellation. A separate entry, so that the main one (`partnero-client`) never loads it.
export { bulk, BulkCallbackError, BulkStoppedError } from './bulk.js';
export type { BulkCall, BulkOptions, BulkOutcome, BulkProgress, BulkResult } from './bulk.js';
// What a write reports through `onOutcome` (the client's type).
export type { WriteOutcome } from '../operation-types.js';
