// `npm start`: build the course, then serve it on http://localhost:4321.
import { spawnSync } from 'node:child_process';

const build = spawnSync('node', ['scripts/build.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const serve = spawnSync('node', ['scripts/serve.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(serve.status ?? 0);
