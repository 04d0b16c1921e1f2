// `npm run sandbox -- --departs MODE[,MODE]`: a sandbox that departs from the spec on purpose,
// one kind of departure per mode, to show (and test) the contract tool's loop: run, read,
// propose, review, apply, run again (scripts/contract/propose.mjs). Each mode is a small
// change of one rule of scripts/lib/sandbox.mjs, asked through the hooks below.
//   key-rules            keys of any characters and length are accepted (an inferred claim: the
//                        API applies the portal's key rules): --propose drops the rules
//   page-zero            page 0 is answered as page 1 (an inferred bound: page 0 is refused):
//                        --propose drops the minimum
//   limit-cap            a limit above 100 is refused with 422 (a documented claim: 1 to 250):
//                        never patched, reported as the server departing from its documentation
//   case-sensitive-keys  Summer and summer are two keys (a data-guarding check, key uniqueness):
//                        never patched

export const DEPARTURES = {
  'key-rules': 'keys of any characters and length are accepted',
  'page-zero': 'page 0 is answered as page 1',
  'limit-cap': 'a limit above 100 is refused with 422',
  'case-sensitive-keys': 'keys differing only in letter case are different keys',
};

/** The modes of `--departs` text (comma-separated); throws naming the allowed ones. */
export function parseDepartures(text) {
  const modes = String(text ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  for (const mode of modes) {
    if (!Object.hasOwn(DEPARTURES, mode)) throw new Error(`--departs takes ${Object.keys(DEPARTURES).join(', ')} (comma-separated), got ${JSON.stringify(mode)}`);
  }
  return modes;
}

/** The hooks sandbox.mjs asks; with no mode each returns the rule as the spec has it. */
export function departures(modes = []) {
  const on = new Set(Array.isArray(modes) ? modes : parseDepartures(modes));
  return {
    modes: [...on],
    /** Whether the key rules (characters, length, `.` and `..`) apply. */
    keyRules: !on.has('key-rules'),
    /** Whether two keys (or ids) are the same key. */
    sameKey: (a, b) => typeof a === 'string' && typeof b === 'string' && (on.has('case-sensitive-keys') ? a === b : a.toLowerCase() === b.toLowerCase()),
    /** The page asked, as the server reads it (page-zero: 0 is 1). */
    page: (page) => (on.has('page-zero') && page === 0 ? 1 : page),
    /** The largest limit the server takes. */
    maxLimit: (max) => (on.has('limit-cap') ? Math.min(max, 100) : max),
  };
}
