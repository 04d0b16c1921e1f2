// Figure 3: heap growth over the baseline while listAll walks many pages (memory-child.mjs).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { row, summary } from './stats.mjs';

const run = promisify(execFile);
const MB = 1024 * 1024;

export async function memory(entry, { total, limit, every, timeoutMs }) {
  const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, ['--expose-gc', child, entry, String(total), String(limit), String(every)], {
    timeout: timeoutMs,
    maxBuffer: 16 * MB,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  const growth = result.samples.map((s) => (s.heapUsed - result.baseline.heapUsed) / MB);
  const pages = Math.ceil(total / limit);
  return [
    row('memory.heapGrowth.mb', `heap growth, listAll over ${total} links / ${pages} pages (MB, sampled after GC)`, 'MB', summary(growth), { max: 20, judge: 'max' }, {
      samples: result.samples.map((s, i) => ({ pages: s.pages, growthMB: growth[i] })),
      baselineMB: result.baseline.heapUsed / MB,
      endGrowthMB: (result.end.heapUsed - result.baseline.heapUsed) / MB,
    }),
  ];
}
