// course-wsgi against Debian's Gunicorn 20.1 (one sync worker) on the same WSGI app. Without
// gunicorn the comparison is skipped with a warning locally and fails in CI (CI=true).
import { wsgiCases } from './corpus.ts';
import { differentialSuite } from './harness/run-corpus.ts';
import { wsgiScenarios } from './harness/scenarios.ts';
import { gunicornBinary, startCourseWsgi, startGunicorn } from './harness/servers.ts';

differentialSuite({
  server: 'wsgi',
  realName: 'gunicorn',
  realBinary: gunicornBinary,
  aptPackage: 'gunicorn',
  cases: wsgiCases,
  scenarios: wsgiScenarios,
  startReal: startGunicorn,
  startCourse: startCourseWsgi,
  ports: { real: 23101, course: 23100 },
});
