// The one list of checks: the runner runs them, `--checks` filters them, `--list-checks` prints
// them and the report groups findings by their names (as Schemathesis registers its checks).
import { responseChecks } from './response.mjs';
import { statefulChecks } from './stateful.mjs';

/** The Arazzo workflows of openapi/workflows/, run by redocly respect (with --writes). */
export const arazzoWorkflows = {
  name: 'arazzo_workflows',
  kind: 'workflows',
  writes: true,
  verifies: 'the documented steps of the lifecycle workflows pass; inferred steps give verdicts',
};

export const CHECKS = [...responseChecks, ...statefulChecks, arazzoWorkflows];
export const CHECK_NAMES = CHECKS.map((check) => check.name);
