// `npm run build`: lab bundles first (the site links to them), then the site, its search index,
// then its links.
import { spawnSync } from 'node:child_process';

const steps: Array<[string, string[]]> = [
  ['node', ['scripts/bundle.ts']],
  ['node_modules/.bin/astro', ['build']],
  ['node', ['scripts/hosting/search-index.ts']],
  ['node', ['scripts/check-links.ts']],
];

for (const [command, args] of steps) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`Build failed at: ${command} ${args.join(' ')}`);
    process.exit(status ?? 1);
  }
}
