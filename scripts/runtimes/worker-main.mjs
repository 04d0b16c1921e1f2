// The workerd module (bundled with the suite and the package): `workerd test` calls the test
// handler, which runs the suite against the harness (its URL is written in place of the
// placeholder) and reports over HTTP. I/O is allowed inside a handler, not at start-up.
import { main } from './entry.mjs';

export default {
  async test() {
    await main('__HARNESS__');
  },
};
