// Figure 5, in a fresh process: how long `await import(<argv[2]>)` takes, printed in ms.
import { performance } from 'node:perf_hooks';

const specifier = process.argv[2];
const start = performance.now();
await import(specifier);
console.log(performance.now() - start);
