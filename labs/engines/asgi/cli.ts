#!/usr/bin/env node
// course-asgi: serves an ASGI application like `uvicorn APP` (see ../python/README.md).
// Bundled by scripts/bundle.ts into public/bundles/engines/asgi.mjs for lab sandboxes.
import { runAsgiCli } from '../python/asgi-main.ts';

process.exit(await runAsgiCli(process.argv.slice(2), import.meta.url));
