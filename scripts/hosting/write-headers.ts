// Writes public/_headers and vercel.json from headers.ts. Run it after changing the headers:
//   node scripts/hosting/write-headers.ts
// test/unit/hosting/host-files.test.ts fails while the committed files differ from what it writes.
import { writeFileSync } from 'node:fs';
import { netlifyHeadersFile, vercelConfig } from './host-files.ts';

export const hostFiles = {
  'public/_headers': netlifyHeadersFile,
  'vercel.json': vercelConfig,
} as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [path, render] of Object.entries(hostFiles)) {
    writeFileSync(path, render());
    console.log(`wrote ${path}`);
  }
}
