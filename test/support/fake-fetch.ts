// An injected fetch for unit tests: records every Request and answers from a function.
export interface FakeFetch {
  (request: Request): Promise<Response>;
  readonly requests: Request[];
}

export function fakeFetch(answer: (request: Request, index: number) => Response | Promise<Response>): FakeFetch {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return Object.assign(fetch, { requests });
}

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
