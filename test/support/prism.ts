// One implementation of starting and stopping Prism, shared with scripts/ (npm start, npm run mock).
export { startPrism } from '../../scripts/lib/prism.mjs';
export type { Prism } from '../../scripts/lib/prism.mjs';
