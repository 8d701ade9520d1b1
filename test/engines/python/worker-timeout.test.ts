// Gunicorn's --timeout, on course-wsgi and on Debian's Gunicorn 20.1 side by side: a request
// that outlives it gets no response (the connection closes), the log says WORKER TIMEOUT, and a
// new worker, with the app imported afresh, serves the next request. A 2-second timeout keeps
// the run short. Without gunicorn only course-wsgi is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from './harness/raw-http.ts';
import { gunicornBinary, realServerAvailable, startCourseWsgi, startGunicorn, type RunningServer } from './harness/servers.ts';

const servers = [
  { name: 'course-wsgi', start: startCourseWsgi, port: 23110, available: true },
  { name: 'gunicorn', start: startGunicorn, port: 23111, available: realServerAvailable(gunicornBinary) },
];

interface Observed {
  status: number;
  bytes: number;
  seconds: number;
}

async function timed(port: number, target: string): Promise<Observed> {
  const started = performance.now();
  const response = await exchange(port, { method: 'GET', target }, 30_000);
  return { status: response.status, bytes: response.body.length, seconds: (performance.now() - started) / 1000 };
}

/** What a client and the log see around one request that outlives the timeout. */
async function timeoutStory(server: RunningServer, target: string) {
  const before = await timed(server.port, '/served-count');
  const cut = await timed(server.port, target);
  const after = await exchange(server.port, { method: 'GET', target: '/served-count' });
  return { before: before.status, cut, after: `${after.status} ${after.body.toString()}` };
}

for (const spec of servers) {
  describe.runIf(spec.available)(`${spec.name} -t 2`, () => {
    let server: RunningServer | undefined;
    beforeAll(async () => {
      server = await spec.start(spec.port, ['-t', '2']);
    }, 180_000);
    afterAll(async () => {
      await server?.stop();
    }, 30_000);

    it.each(['/hang', '/spin'])('closes the connection of %s without a response, logs WORKER TIMEOUT and serves on with a new worker', async (target) => {
      const running = server as RunningServer;
      const story = await timeoutStory(running, target);
      expect(story.before).toBe(200);
      expect(story.cut.status).toBe(0);
      expect(story.cut.bytes).toBe(0);
      // Gunicorn's arbiter looks once a second: the abort comes 2 to 3 s after the request.
      expect(story.cut.seconds).toBeGreaterThanOrEqual(1.9);
      expect(story.cut.seconds).toBeLessThan(15);
      // The new worker imported the app again, so the module's counter started over.
      expect(story.after).toBe('200 {"count": 1}');
      const log = running.output();
      expect(log).toMatch(/\[CRITICAL\] WORKER TIMEOUT \(pid:\d+\)/);
      expect(log.slice(log.lastIndexOf('WORKER TIMEOUT'))).toMatch(/\[INFO\] Booting worker with pid: \d+/);
    }, 60_000);
  });
}
