// A CLI output stream that keeps what the command wrote, for tests that run the CLI in-process
// (src/cli/run.ts), as a terminal (`isTTY`) or a pipe.
import type { CliStream } from '../../src/cli/run.js';

/** Everything written, in `text`; `onWrite` sees the text so far after each write. */
export class Capture implements CliStream {
  text = '';
  onWrite: ((text: string) => void) | undefined;
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    this.onWrite?.(this.text);
    return true;
  }
}
