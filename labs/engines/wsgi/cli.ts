#!/usr/bin/env node
// course-wsgi: serves a WSGI application like `gunicorn APP_MODULE` (see ../python/README.md).
// Bundled by scripts/bundle.ts into public/bundles/engines/wsgi.mjs for lab sandboxes.
import { runWsgiCli } from '../python/wsgi-main.ts';

process.exit(await runWsgiCli(process.argv.slice(2), import.meta.url));
