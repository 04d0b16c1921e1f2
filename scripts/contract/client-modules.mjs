// The client's own code, used by the contract tool rather than copied: the base-URL and API-key
// checks (src/internal/options.ts), the redaction (src/internal/redact.ts) and the generated
// response validators (src/generated/validators.ts). The scripts are plain JavaScript, so the
// TypeScript sources are bundled in memory by esbuild (a devDependency) and imported from a
// data: URL: nothing is written to disk, and no build is needed first.
import { build, stop } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const entry = `
export { checkBaseUrl, checkApiKey } from './src/internal/options.ts';
export { redactSecret } from './src/internal/redact.ts';
export * as validators from './src/generated/validators.ts';
`;

/** @type {Promise<{ checkBaseUrl: (value: unknown, allowInsecureHttp: boolean) => string, checkApiKey: (key: unknown) => void, redactSecret: (text: string, secret: string) => string, validators: Record<string, any> }> | undefined} */
let loading;

/** Loads (once) the client modules the contract tool reuses. */
export function clientModules() {
  loading ??= (async () => {
    const result = await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'contract-entry.ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    // esbuild's service process is not needed any more: nothing of the run outlives it.
    await stop();
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  })();
  return loading;
}
