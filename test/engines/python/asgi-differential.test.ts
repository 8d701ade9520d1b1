// course-asgi against Debian's Uvicorn 0.17.6 on the same ASGI app. Without uvicorn the
// comparison is skipped with a warning locally and fails in CI (CI=true).
import { asgiCases } from './corpus.ts';
import { differentialSuite } from './harness/run-corpus.ts';
import { asgiScenarios } from './harness/scenarios.ts';
import { startCourseAsgi, startUvicorn, uvicornBinary } from './harness/servers.ts';

differentialSuite({
  server: 'asgi',
  realName: 'uvicorn',
  realBinary: uvicornBinary,
  aptPackage: 'uvicorn',
  cases: asgiCases,
  scenarios: asgiScenarios,
  startReal: startUvicorn,
  startCourse: startCourseAsgi,
  ports: { real: 23201, course: 23200 },
});
