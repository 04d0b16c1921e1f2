// `partnero-client/bulk`: one operation over many inputs, in input order, with progress and
// cancellation. A separate entry, so that the main one (`partnero-client`) never loads it.
export { bulk, BulkStoppedError } from './bulk.js';
export type { BulkCall, BulkOptions, BulkOutcome, BulkProgress, BulkResult, WriteOutcome } from './bulk.js';
