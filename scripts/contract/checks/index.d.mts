/** The names of every check of `npm run contract`, in the order they run. */
export const CHECK_NAMES: string[];
export const CHECKS: { name: string; kind: string; verifies: string; writes?: boolean; optIn?: string }[];
