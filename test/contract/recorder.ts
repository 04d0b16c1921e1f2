// Every request a contract test makes goes through `recorder().fetch`: it keeps what was sent
// and what came back. Prism marks a request or answer that breaks the spec with an
// `sl-violations` header, and any such answer fails the test that got it, unless the test
// declared the violation it provokes.
import { afterEach, expect, inject } from 'vitest';
import { createPartneroClient, type PartneroClient } from '../../src/index.js';

/** One exchange with the mock: the request as sent (body read out) and the answer. */
export interface Exchange {
  readonly request: Request;
  readonly body: string | undefined;
  readonly response: Response;
}

/** The violation locations of an answer, e.g. `request.query.limit`. */
export const violationsOf = (response: Response): string[] =>
  (JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[] }[]).map((v) => v.location.join('.'));

/** The mock's base URL, from the global setup. */
export const baseUrl = inject('prismUrl');

/** Registers the violation guard for the calling test file and returns the recording fetch. */
export function recorder() {
  const exchanges: Exchange[] = [];
  let allowed: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = request.body ? await request.clone().text() : undefined;
    const response = await globalThis.fetch(request);
    exchanges.push({ request, body, response });
    return response;
  };
  afterEach(() => {
    for (const { request, response } of exchanges) {
      for (const location of violationsOf(response)) {
        expect(allowed, `unexpected violation at ${location} (${request.method} ${request.url})`).toContain(location);
      }
    }
    exchanges.length = 0;
    allowed = [];
  });
  return {
    fetch,
    exchanges,
    /** Declares the violation locations (e.g. `request.query.limit`) this test provokes on purpose. */
    provokes(...locations: string[]): void {
      allowed = locations;
    },
    /**
     * A client of the mock that validates answers and never retries; `edit` changes each request
     * before it is sent (see `prefer`); `at` is the mock's base URL (the static one by default).
     */
    client(edit?: (request: Request) => void, at: string = baseUrl): PartneroClient {
      return createPartneroClient({
        apiKey: 'test-key',
        baseUrl: at,
        maxRetries: 0,
        validateResponses: true,
        fetch: (request) => {
          edit?.(request);
          return fetch(request);
        },
      });
    },
  };
}

/**
 * Asks Prism for a documented answer: Prism 5 reads `Prefer: code=<status>, example=<name>`
 * (comma-separated preferences; @stoplight/prism-http-server getHttpConfigFromRequest).
 */
export const prefer =
  (status: number | undefined, example?: string) =>
  (request: Request): void => {
    const preferences = [status === undefined ? '' : `code=${status}`, example === undefined ? '' : `example=${example}`];
    request.headers.set('Prefer', preferences.filter(Boolean).join(', '));
  };

type Method = (...args: unknown[]) => unknown;

/** `client.<resource>.<name>`, called with `args`: the resource and method come from the operation table. */
export function callMethod(client: PartneroClient, resource: string, name: string, args: readonly unknown[]): unknown {
  const method = (client as unknown as Record<string, Record<string, Method> | undefined>)[resource]?.[name];
  if (typeof method !== 'function') throw new Error(`client.${resource}.${name} does not exist`);
  return method(...args);
}
