// Types of sandbox-departs.mjs.
/** Every mode, with what it does. */
export declare const DEPARTURES: Readonly<Record<string, string>>;
/** The modes of `--departs` text; throws naming the allowed ones. */
export declare function parseDepartures(text: string): string[];
/** The hooks the sandbox asks. */
export declare function departures(modes?: readonly string[] | string): {
  modes: string[];
  keyRules: boolean;
  sameKey: (a: unknown, b: unknown) => boolean;
  page: (page: number) => number;
  maxLimit: (max: number) => number;
};
