// Runs the whole corpus against nginx and the course proxy and counts agreement; used by the
// vitest suite and by scripts/bench/nginx.ts.
import { configTestCases, httpCases } from '../corpus/index.ts';
import { knownDifferences } from '../known-differences.ts';
import { differences, type Field } from './compare.ts';
import { startMockUpstreams } from './mock-upstreams.ts';
import { runConfigTestCase, runHttpCase } from './run-case.ts';

export interface CaseResult {
  name: string;
  kind: 'http' | 'config-test';
  problems: string[];
  known: boolean;
}

export function skippedFields(name: string): Set<string> {
  return new Set(knownDifferences.filter((k) => k.case === name).flatMap((k) => k.fields as string[]));
}

export async function runCorpus(onResult: (r: CaseResult) => void = () => undefined): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const mocks = await startMockUpstreams();
  try {
    for (const c of httpCases) {
      const skip = skippedFields(c.name);
      const run = await runHttpCase(c, mocks);
      const r: CaseResult = { name: c.name, kind: 'http', problems: differences(run.nginx, run.course, skip as Set<Field>, { nginx: run.nginxLog, course: run.courseLog }), known: skip.size > 0 };
      results.push(r);
      onResult(r);
    }
  } finally {
    await mocks.close();
  }
  for (const c of configTestCases) {
    const run = await runConfigTestCase(c);
    const skip = skippedFields(c.name).has('config-test');
    const problems = !skip && run.nginx.join('\n') !== run.course.join('\n') ? [`nginx:\n    ${run.nginx.join('\n    ')}\n  course proxy:\n    ${run.course.join('\n    ')}`] : [];
    const r: CaseResult = { name: c.name, kind: 'config-test', problems, known: skip };
    results.push(r);
    onResult(r);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const results = await runCorpus((r) => {
    if (r.problems.length) console.log(`✗ [${r.kind}] ${r.name}\n  ${r.problems.join('\n  ')}`);
  });
  const agree = results.filter((r) => r.problems.length === 0).length;
  console.log(`${results.length} cases, ${agree} agree (${results.filter((r) => r.known).length} with reviewed known differences), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
