// Preloaded (node --import) into each TypeScript sample from the docs: the sample runs exactly
// as printed, against https://api.partnero.com, and this sends its requests to the Prism mock
// (PARTNERO_MOCK_URL) instead. Any other destination fails the run. On exit it reports on
// stderr how many requests went to the mock.
const api = new URL(process.env.PARTNERO_API_URL ?? 'https://api.partnero.com');
const mock = new URL(process.env.PARTNERO_MOCK_URL);
const realFetch = globalThis.fetch;
let count = 0;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== api.origin) throw new Error(`sample called ${url.origin}, not ${api.origin}`);
  url.protocol = mock.protocol;
  url.host = mock.host;
  count++;
  return realFetch(new Request(url, request));
};
process.on('exit', () => process.stderr.write(`mock requests: ${count}\n`));
