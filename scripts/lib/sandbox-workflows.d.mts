// Types of sandbox-workflows.mjs.

/** Where the workflows live, relative to the repository root. */
export declare const WORKFLOWS_DIR: string;

/** One step as run by redocly respect. */
export interface WorkflowStep {
  readonly file: string;
  readonly workflowId: string;
  readonly stepId: string;
  readonly status: 'passed' | 'failed' | 'not run';
  readonly failures: string[];
  readonly request?: { method: string; url: string };
  readonly response?: { statusCode: number; body: unknown };
}

export interface WorkflowRun {
  readonly code: number;
  readonly output: string;
  readonly steps: WorkflowStep[];
  readonly skipped: { file: string; missing: string[] }[];
  readonly files: string[];
  readonly timeMs: number;
}

/** A throwaway key base, unique and clearly named: `<prefix>-<timestamp>-<random>`. */
export declare function throwawayKey(prefix?: string): string;
/** The keys the workflows create and rename to, per family, from one base. */
export declare function throwawayInputs(base?: string): { partnerKey: string; partnerNewKey: string; customerKey: string; customerNewKey: string };
/** Every workflow file with its workflows, steps and required inputs. */
export declare function readWorkflows(dir?: string): Promise<{ file: string; workflows: { workflowId: string; steps: string[]; required: string[] }[] }[]>;
/** Runs `redocly respect` on every workflow file whose required inputs are given. */
export declare function runWorkflows(options: {
  serverUrl: string;
  apiKey: string;
  inputs: Record<string, string | undefined>;
  timeoutMs?: number;
}): Promise<WorkflowRun>;
