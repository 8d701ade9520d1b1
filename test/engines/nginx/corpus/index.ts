// The whole differential corpus.
import type { HttpCase } from '../harness/case.ts';
import { filterCases } from './filters.ts';
import { headerCases } from './headers.ts';
import { locationCases } from './locations.ts';
import { proxyCases } from './proxy.ts';
import { rewriteCases } from './rewrite.ts';
import { serverCases } from './servers.ts';
import { staticCases } from './static.ts';
import { upstreamCases } from './upstream.ts';

export { configTestCases } from './config-tests.ts';

export const httpCases: HttpCase[] = [
  ...staticCases, ...locationCases, ...serverCases, ...rewriteCases, ...headerCases, ...proxyCases, ...upstreamCases, ...filterCases,
];
