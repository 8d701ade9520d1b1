#!/usr/bin/env node
// The `course-gunicorn` command when run from the repository (package.json "bin"): Node 22.18+
// runs the TypeScript sources directly. Lab sandboxes run the bundled file instead
// (public/bundles/engines/workers.mjs, built by scripts/bundle.ts for Node 18+).
import { runCli } from './cli.ts';

process.exit(await runCli(process.argv.slice(2)));
