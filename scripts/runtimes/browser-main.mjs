// The page's one script (bundled with the suite and the package): runs the suite against the
// harness, whose URL the harness writes in place of the placeholder when it serves the bundle.
import { main } from './entry.mjs';

void main('__HARNESS__');
