// What a grader run reports while it runs. The human reporter prints these live; `--json`
// ignores them and prints only the final result.
import type { CheckResult } from './result-schema.ts';
import type { Stream } from './process/output-capture.ts';

export type RunEvent =
  | { type: 'run-start'; lab: string; dir: string; host: string; port: number; seed: number; checks: number }
  | { type: 'check-start'; slug: string; title: string }
  | { type: 'check-end'; result: CheckResult }
  | { type: 'process-start'; label: string; command: string; pid: number }
  | { type: 'output'; label: string; line: string; stream: Stream }
  | { type: 'note'; text: string };

export type RunEventListener = (event: RunEvent) => void;
