#!/usr/bin/env node
// The `course-asgi` command when run from the repository (package.json "bin"): Node 22.18+
// runs the TypeScript sources directly. Lab sandboxes run the bundled file instead
// (public/bundles/engines/asgi.mjs, built by scripts/bundle.ts for Node 18+).
import { runAsgiCli } from '../python/asgi-main.ts';

process.exit(await runAsgiCli(process.argv.slice(2), import.meta.url));
