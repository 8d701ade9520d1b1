// Teardown steps registered while a run builds its world (the learner program, mock
// upstreams, files written for checks) and always run at the end, newest first, even when a
// check failed, timed out or the grader itself threw.
export class Teardown {
  private readonly steps: Array<{ label: string; run: () => Promise<void> | void }> = [];

  add(label: string, run: () => Promise<void> | void): void {
    this.steps.push({ label, run });
  }

  /** Runs every step once; returns one message per step that failed. */
  async runAll(): Promise<string[]> {
    const problems: string[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop() as { label: string; run: () => Promise<void> | void };
      try {
        await step.run();
      } catch (error) {
        problems.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return problems;
  }
}
