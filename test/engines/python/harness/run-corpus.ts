// One differential suite: start the real server and the course server on the fixture apps,
// send every corpus case to both in order, and compare what a client sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusCase } from '../corpus.ts';
import { knownDifferences, skippedFields } from '../known-differences.ts';
import { differences, observe } from './compare.ts';
import { exchange } from './raw-http.ts';
import type { Scenario } from './scenarios.ts';
import { realServerAvailable, type RunningServer } from './servers.ts';

export interface SuiteSpec {
  server: 'wsgi' | 'asgi';
  realName: string;
  realBinary: string;
  aptPackage: string;
  cases: CorpusCase[];
  scenarios?: Scenario[];
  startReal: (port: number) => Promise<RunningServer>;
  startCourse: (port: number) => Promise<RunningServer>;
  ports: { real: number; course: number };
}

export function differentialSuite(spec: SuiteSpec): void {
  const available = realServerAvailable(spec.realBinary);
  const inCi = process.env.CI === 'true';
  if (!available && !inCi) console.warn(`Skipping the ${spec.realName} differential suite: ${spec.realBinary} is not installed (apt-get install ${spec.aptPackage}).`);

  describe(`the ${spec.server} corpus`, () => {
    it('has at least 30 cases with distinct names, and every known difference names one of them with a reason', () => {
      const names = new Set(spec.cases.map((c) => c.name));
      expect(spec.cases.length).toBeGreaterThanOrEqual(30);
      expect(names.size).toBe(spec.cases.length);
      for (const k of knownDifferences.filter((d) => d.server === spec.server)) {
        expect(names.has(k.case), k.case).toBe(true);
        expect(k.reason.length).toBeGreaterThan(40);
      }
    });

    it.runIf(inCi)(`finds ${spec.realName} in CI, where .ci/run installs it`, () => {
      expect(available, `${spec.realName} is required in CI but ${spec.realBinary} does not exist; apt-get install ${spec.aptPackage}`).toBe(true);
    });
  });

  describe.runIf(available)(`course-${spec.server} and ${spec.realName} answer the same requests alike`, () => {
    let real: RunningServer | undefined;
    let course: RunningServer | undefined;
    beforeAll(async () => {
      [real, course] = await Promise.all([spec.startReal(spec.ports.real), spec.startCourse(spec.ports.course)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all([real?.stop(), course?.stop()]);
    }, 30_000);

    for (const c of spec.cases) {
      it(c.name, async () => {
        const fromReal = observe(await exchange(spec.ports.real, c.request));
        const fromCourse = observe(await exchange(spec.ports.course, c.request));
        expect(differences(fromReal, fromCourse, skippedFields(spec.server, c.name))).toEqual([]);
      }, 120_000);
    }

    for (const scenario of spec.scenarios ?? []) {
      it(scenario.name, async () => {
        expect(await scenario.run(spec.ports.course)).toBe(await scenario.run(spec.ports.real));
      }, 120_000);
    }
  });
}
