#!/usr/bin/env node
// The `course-wsgi` command when run from the repository (package.json "bin"): Node 22.18+
// runs the TypeScript sources directly. Lab sandboxes run the bundled file instead
// (public/bundles/engines/wsgi.mjs, built by scripts/bundle.ts for Node 18+).
import { runWsgiCli } from '../python/wsgi-main.ts';

process.exit(await runWsgiCli(process.argv.slice(2), import.meta.url));
