// Types of sandbox.mjs, for the tests that start the sandbox in-process.
import type { LinkDomain, ReferralLink } from '../../src/generated/resources.js';

/** The API key a sandbox takes unless told another: `sandbox-key`. Any other bearer token is answered 401. */
export declare const SANDBOX_API_KEY: 'sandbox-key';
/** The faults a request can ask for with `X-Sandbox-Fault`, or `--faults` for every request. */
export declare const FAULTS: readonly string[];
/** The header that asks for a fault on one request. */
export declare const FAULT_HEADER: string;
/** The answers an unknown owner on create can get: 404 and 422 (the spec allows both). */
export declare const UNKNOWN_OWNER_STATUSES: readonly (404 | 422)[];
/** The header that picks the unknown-owner answer for one request (`X-Sandbox-Unknown-Owner: 422`). */
export declare const UNKNOWN_OWNER_HEADER: string;
/** The largest request body read, in bytes; a larger one is answered 413 and the sandbox stays up. */
export declare const BODY_LIMIT_BYTES: number;

/** One fault rule: its name, its value (`slow=MS`), and every how many requests it applies. */
export interface FaultRule {
  readonly name: string;
  readonly value: number | undefined;
  readonly every: number;
}

/** A link as the sandbox stores it: what the API shows (the spec's ReferralLink), plus its family, owner and URL prefix. */
export type StoredLink = { -readonly [K in keyof ReferralLink]: ReferralLink[K] } & {
  family: 'partner' | 'customer';
  owner: string;
  prefix: string;
};

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** The live state (seeded, then changed by requests), for tests to inspect. */
  readonly state: {
    readonly links: StoredLink[];
    readonly partners: { id: string; key: string; email: string }[];
    readonly customers: { id: string; key: string; email: string }[];
    readonly domains: LinkDomain[];
  };
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A token bucket in front of every request: `'40/s,burst=10'`, `'40/s,no-retry-after'`, or `{ rate, burst?, retryAfter? }`; or Laravel's fixed window, `'120/min,window'` (see sandbox-rate-limit.mjs). */
  rateLimit?: string | { rate: number; burst?: number; retryAfter?: boolean } | { rate: number; window: true; limit: number; windowMs: number };
  /** Departures from the spec on purpose (sandbox-departs.mjs): key-rules, page-zero, limit-cap, case-sensitive-keys. */
  departs?: readonly string[];
  host?: string;
  /** Faults for every request: `503`, `429-retry-after@2`, `slow=500,503@3`, or a list of them. */
  faults?: string | readonly string[];
  /** A field (`data.url`) dropped from every successful answer: breaks the contract on purpose. */
  breakField?: string;
  /** How a create for an unknown owner is answered: 404 (the default) or a 422 naming the field given. */
  unknownOwner?: 404 | 422;
  /** The one bearer token the sandbox takes (default SANDBOX_API_KEY, `sandbox-key`); any other is answered 401. */
  apiKey?: string;
  /** Receives one line per request answered. */
  log?: (line: string) => void;
}

/** Starts a sandbox of the referral-link family on 127.0.0.1. */
export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
/** 404 or 422 from an option, header or flag value; throws naming `where` on anything else. */
export declare function parseUnknownOwner(value: unknown, where?: string): 404 | 422;
/** Parses `--faults` text into rules; throws on an unknown fault. */
export declare function parseFaults(spec: string | readonly string[]): FaultRule[];
/** Removes the field at `path` from a body, through arrays. */
export declare function dropField<T>(value: T, path: string | readonly string[]): T;

/** Whether a browser origin is a page on this machine (http(s) on 127.0.0.0/8, ::1 or localhost): such pages get CORS headers. */
export declare function isLoopbackOrigin(origin: string): boolean;
