// `npm run lab -- list | start <id> | check <id>`: work on a lab in your own editor.
import { enableCompileCache } from 'node:module';

// Learners run `lab check` over and over; Node's compile cache (in the OS temp folder) more
// than halves the time spent loading the grader's modules on every run after the first.
enableCompileCache?.();
const { main } = await import('./lab/main.ts');
process.exitCode = await main(process.argv.slice(2));
