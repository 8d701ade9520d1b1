// The whole differential corpus.
import type { HttpCase } from '../harness/case.ts';
import { delayCases, filterCases } from './filters.ts';
import { edgeCases } from './edge-cases.ts';
import { headerCases } from './headers.ts';
import { labShapedCases } from './lab-shaped.ts';
import { locationCases } from './locations.ts';
import { moreProxyCases, proxyCases } from './proxy.ts';
import { rewriteCases, variableCases } from './rewrite.ts';
import { serverCases } from './servers.ts';
import { staticCases } from './static.ts';
import { keepaliveCases, recoveryCases, upstreamCases } from './upstream.ts';

import { configTestCases as baseConfigTests, debianStyleConfig, moreConfigTests } from './config-tests.ts';
import type { ConfigTestCase } from '../harness/case.ts';

export const configTestCases: ConfigTestCase[] = [...baseConfigTests, ...moreConfigTests, ...debianStyleConfig];

export const httpCases: HttpCase[] = [
  ...staticCases, ...locationCases, ...serverCases, ...rewriteCases, ...variableCases, ...headerCases, ...proxyCases, ...moreProxyCases,
  ...upstreamCases, ...recoveryCases, ...keepaliveCases, ...filterCases, ...delayCases, ...edgeCases, ...labShapedCases,
];
