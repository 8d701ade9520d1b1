// Checks of this lab talk to the proxy the grader runs, not to one learner program, so the
// kit's "is your program still running" bookkeeping does not apply (needsProgram: false).
// This wrapper does that job for the three instances: a check runs only once the proxy is up,
// and when an instance died on the way, that death is the failure reported, not its symptom.
import { CheckFailure, defineCheck, fail, type CheckContext, type CheckDefinition } from '../kit/check.ts';
import type { LabWorld } from './lab-world.ts';

export function defineInstanceCheck(check: Omit<CheckDefinition<LabWorld>, 'needsProgram'>): CheckDefinition<LabWorld> {
  return defineCheck<LabWorld>({
    ...check,
    needsProgram: false,
    async run(ctx: CheckContext<LabWorld>) {
      if (!ctx.env.proxy) {
        fail({ reason: 'exited', message: 'The instances and the proxy are not running, because starts-and-listens did not pass; fix that check first.', expected: 'three running instances behind the proxy', actual: 'nothing running' });
      }
      ctx.env.instances.expectRunning();
      try {
        const summary = await check.run(ctx);
        // The proxy hides a dead instance by passing its turns on, so look once more.
        ctx.env.instances.expectRunning();
        return summary;
      } catch (error) {
        if (error instanceof CheckFailure) ctx.env.instances.expectRunning();
        throw error;
      }
    },
  });
}
