// Walks a paginated list one page at a time, reading one page ahead.
import { PaginationError, RequestAbortedError } from './errors.js';
import { checkSignal } from './internal/options.js';
import { onAbort } from './internal/sleep.js';

/** Options of a walk over every page. */
export interface PaginationOptions {
  /** Cancels the walk, the page in flight included. */
  readonly signal?: AbortSignal;
  /** Ask for page n + 1 while the caller handles page n (at most one request ahead). Default true. */
  readonly readAhead?: boolean;
  /** Fail with PaginationError rather than ask for more pages than this. Default 1000. */
  readonly maxPages?: number;
}

/** How to walk one list: fetch a page, find the next page number, name a page's items. */
export interface PageSource<Page> {
  /** The operation, for error messages. */
  readonly operation: string;
  readonly firstPage: number;
  fetch(page: number, signal: AbortSignal): Promise<Page>;
  /** The number of the page after `page` (which was page `current`), or undefined on the last page. */
  next(page: Page, current: number): number | undefined;
  /** The page number the server says it sent, when it says. */
  pageNumberOf(page: Page): number | undefined;
  /** How many items the page holds. */
  size(page: Page): number;
  /** Something that differs between two different pages holding items, e.g. their IDs. */
  fingerprint(page: Page): string;
}

export const DEFAULT_MAX_PAGES = 1000;

/** Every item of every page, in order (`for await (const item of paginator)`), or the pages themselves (`pages()`). */
export class Paginator<Item, Page> implements AsyncIterable<Item> {
  readonly #source: PageSource<Page>;
  readonly #itemsOf: (page: Page) => readonly Item[];
  readonly #options: PaginationOptions;

  constructor(source: PageSource<Page>, itemsOf: (page: Page) => readonly Item[], options: PaginationOptions = {}) {
    checkSignal(options.signal, source.operation);
    this.#source = source;
    this.#itemsOf = itemsOf;
    this.#options = options;
  }

  /** The pages, each as the API sent it. Each call starts a new walk from the first page. */
  pages(): AsyncGenerator<Page, void, undefined> {
    return walk(this.#source, this.#options);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const { signal } = this.#options;
    for await (const page of this.pages()) {
      for (const item of this.#itemsOf(page)) {
        // Once the caller aborts, not even the rest of a page in hand is handed out.
        if (signal?.aborted) throw RequestAbortedError.of(this.#source.operation, signal);
        yield item;
      }
    }
  }
}

async function* walk<Page>(source: PageSource<Page>, options: PaginationOptions): AsyncGenerator<Page, void, undefined> {
  const { signal, readAhead = true, maxPages = DEFAULT_MAX_PAGES } = options;
  // One controller for the whole walk: leaving the loop early aborts the page in flight. The
  // caller's signal is linked to it only while a request is in flight, so that a walk dropped
  // without return() leaves nothing on the caller's signal once its last request has settled.
  const controller = new AbortController();
  const abortWalk = (): void => controller.abort(signal?.reason);
  const request = (page: number): Promise<Page> => {
    const unlink = signal ? onAbort(signal, abortWalk) : undefined;
    const pending = source.fetch(page, controller.signal);
    if (unlink) pending.then(unlink, unlink);
    pending.catch(() => {}); // Handled where it is awaited; a read-ahead page may never be.
    return pending;
  };
  try {
    let current = source.firstPage;
    let pending: Promise<Page> | undefined = request(current);
    // Each page's fingerprint (its first and last items), with the page it was seen on: a page
    // seen before, not only the one just before, ends the walk (pages A, B, A, B, ... would
    // otherwise run to maxPages). Two items per page, at most maxPages pages.
    const seen = new Map<string, number>();
    for (let count = 1; pending; count++) {
      const page: Page = await pending;
      pending = undefined;
      // A page that arrived just before the caller aborted is not handed out.
      if (signal?.aborted) throw RequestAbortedError.of(source.operation, signal);
      // An empty page after the first only says that the previous one was the last.
      if (count > 1 && source.size(page) === 0) return;
      checkPageNumber(source.operation, current, source.pageNumberOf(page));
      if (source.size(page)) {
        const fingerprint = source.fingerprint(page);
        const before = seen.get(fingerprint);
        if (before !== undefined) {
          throw new PaginationError(
            `${source.operation}: page ${current} holds the same items as page ${before}; the server seems to ignore the page number`,
          );
        }
        seen.set(fingerprint, current);
      }
      const next = source.next(page, current);
      if (next !== undefined && next <= current) {
        throw new PaginationError(`${source.operation}: after page ${current} the server points back to page ${next}`);
      }
      const allowed = next !== undefined && count < maxPages;
      if (allowed && readAhead) pending = request(next);
      yield page;
      if (next === undefined) return;
      if (!allowed) {
        throw new PaginationError(
          `${source.operation}: stopped after ${maxPages} pages (maxPages) while the server still reports more; raise maxPages to read further`,
        );
      }
      pending ??= request(next);
      current = next;
    }
  } finally {
    controller.abort();
  }
}

/** Throws PaginationError unless the page number the server reported (if any) is `current`. */
function checkPageNumber(operation: string, current: number, reported: unknown): void {
  if (reported === undefined || reported === current) return;
  // The type says what is wrong when the value reads the same ("1" for 1): never "asked for
  // page 1 but the server sent page 1".
  const problem = Number.isSafeInteger(reported)
    ? `the server sent page ${String(reported)}`
    : `the server's page number is ${describeKind(reported)}, not an integer`;
  throw new PaginationError(`${operation}: asked for page ${current} but ${problem}; stopping rather than repeat items`);
}

/** What a value from the server is, without copying its text (which may hold anything, the key included). */
export function describeKind(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/**
 * The page number in the query parameter `parameter` (e.g. `page`) of a URL (absolute or relative, such as
 * `links.next`), or undefined when it has none that is usable. Decimal digits only: `0x2`,
 * `2e0`, ` 2` or `+2` are not page 2.
 */
export function pageNumberFromUrl(url: string, parameter: string): number | undefined {
  let text: string | null;
  try {
    text = new URL(url, 'http://relative.invalid').searchParams.get(parameter);
  } catch {
    return undefined;
  }
  if (text === null || !/^\d{1,16}$/.test(text)) return undefined;
  const page = Number(text);
  return Number.isSafeInteger(page) && page >= 1 ? page : undefined;
}
