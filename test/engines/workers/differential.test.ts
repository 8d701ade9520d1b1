// course-gunicorn against Debian's Gunicorn 20.1 on the same flags and an equivalent app
// (test/fixtures/workers/app: app.mjs + machine.json for the course, wsgi_app.py for Gunicorn).
// Wait-bound work only: 200 ms sleeps measure the worker model, not this shared 2-core box.
// Without gunicorn the suite is skipped with a warning locally and fails in CI (CI=true).
import { afterEach, describe, expect, it } from 'vitest';
import { burst, get, getWithHeaders, okCount, waitForWorkers, type Reply } from './support/http-client.ts';
import type { ServerRun } from './support/server-process.ts';
import { brokenAppFolder, gunicornAvailable, gunicornBinary, logShapes, startTarget, type Target } from './support/targets.ts';

const available = gunicornAvailable();
const inCi = process.env.CI === 'true';
if (!available && !inCi) console.warn(`Skipping the Gunicorn differential suite: ${gunicornBinary} is not installed (apt-get install gunicorn, or set GUNICORN_BINARY).`);

const targets: Target[] = ['gunicorn', 'course'];
let nextPort = 21100;
const running: ServerRun[] = [];

async function start(target: Target, flags: string[], workers: number): Promise<ServerRun> {
  const run = await startTarget(target, nextPort++, flags);
  running.push(run);
  await run.waitForLines(/Booting worker with pid/, workers, 15_000);
  await waitForWorkers(run.port, workers);
  return run;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop('SIGKILL' as 'SIGTERM')));
});

/** Both targets, one after the other, so they never compete for the two cores. */
async function onBoth<T>(f: (target: Target) => Promise<T>): Promise<Record<Target, T>> {
  const out = {} as Record<Target, T>;
  for (const target of targets) {
    try {
      out[target] = await f(target);
    } catch (error) {
      // The servers' own logs are what explains a failure on a busy machine.
      const logs = running.map((r) => r.lines.join('\n')).join('\n---\n');
      throw new Error(`${target}: ${error instanceof Error ? error.message : String(error)}\n--- server log ---\n${logs}`);
    }
    await Promise.all(running.splice(0).map((r) => r.stop('SIGKILL' as 'SIGTERM')));
  }
  return out;
}

describe('the Gunicorn differential suite', () => {
  it.runIf(inCi)('finds real Gunicorn in CI, where .ci/run installs it', () => {
    expect(available, `gunicorn is required in CI but ${gunicornBinary} does not exist; install the Debian package "gunicorn"`).toBe(true);
  });
});

describe.runIf(available)('course-gunicorn and Gunicorn 20.1 serve wait-bound work alike', () => {
  // 16 requests of 200 ms: 2 sync workers need 8 rounds (~1.6 s), 1 worker × 4 threads needs
  // 4 rounds (~0.8 s). Each target's burst must be within 40% of Gunicorn's, and the threaded
  // speed-up within 35%: wide enough for a loaded machine, far narrower than a wrong model
  // (sync serving in parallel, or threads not overlapping waits, is off by 2× or more).
  it('serves 16 waiting requests with 2 sync workers and with 4 threads in the same time as Gunicorn', { timeout: 60_000 }, async () => {
    const times = await onBoth(async (target) => {
      const sync = await start(target, ['-w', '2'], 2);
      const syncBurst = await burst(sync.port, '/wait', 16);
      await sync.stop('SIGKILL' as 'SIGTERM');
      const threaded = await start(target, ['-w', '1', '--threads', '4'], 1);
      const threadedBurst = await burst(threaded.port, '/wait', 16);
      expect(okCount(syncBurst.replies), target).toBe(16);
      expect(okCount(threadedBurst.replies), target).toBe(16);
      return { sync: syncBurst.ms, threaded: threadedBurst.ms };
    });
    console.info(`16 × 200 ms waits: gunicorn sync ${times.gunicorn.sync.toFixed(0)} ms, gthread ${times.gunicorn.threaded.toFixed(0)} ms; course sync ${times.course.sync.toFixed(0)} ms, gthread ${times.course.threaded.toFixed(0)} ms`);
    expect(times.course.sync / times.gunicorn.sync).toBeGreaterThan(0.6);
    expect(times.course.sync / times.gunicorn.sync).toBeLessThan(1.4);
    expect(times.course.threaded / times.gunicorn.threaded).toBeGreaterThan(0.6);
    expect(times.course.threaded / times.gunicorn.threaded).toBeLessThan(1.4);
    const speedup = (t: Target) => times[t].sync / times[t].threaded;
    expect(speedup('course') / speedup('gunicorn')).toBeGreaterThan(0.65);
    expect(speedup('course') / speedup('gunicorn')).toBeLessThan(1.35);
  });
});

describe.runIf(available)('course-gunicorn supervises workers as Gunicorn 20.1 does', () => {
  it('kills a sync worker silent past --timeout with WORKER TIMEOUT, closes its request unanswered and boots a replacement', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1', '-t', '2'], 1);
      const hung = await get(run.port, '/hang', 12_000);
      await run.waitForLines(/Booting worker with pid/, 2, 10_000);
      const after = await get(run.port, '/');
      return { hung, after, shapes: logShapes(run.lines) };
    });
    for (const target of targets) {
      const { hung, after } = seen[target];
      expect('error' in hung, `${target}: /hang must end without a response`).toBe(true);
      expect(hung.ms, target).toBeGreaterThan(1900);
      expect(hung.ms, target).toBeLessThan(6000);
      expect((after as Reply & { status: number }).status, target).toBe(200);
    }
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
    expect(seen.course.shapes).toContain('[TIME] [PID] [CRITICAL] WORKER TIMEOUT (pid:N)');
  });

  // gunicorn/workers/gthread.py notifies from its main loop whatever its threads do, so
  // `timeout` never cuts off a hung request in a threaded worker: a fact the lab must teach.
  it('leaves a hung request in a threaded worker running past --timeout while other threads keep serving', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1', '--threads', '2', '-t', '2'], 1);
      const hung = get(run.port, '/hang', 3500);
      await new Promise((r) => setTimeout(r, 300));
      const other = await get(run.port, '/');
      return { hung: await hung, other, shapes: logShapes(run.lines) };
    });
    for (const target of targets) {
      expect(seen[target].hung, target).toMatchObject({ error: 'no answer within 3500 ms' });
      expect(seen[target].other, target).toMatchObject({ status: 200 });
    }
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
    expect(seen.course.shapes.some((l) => l.includes('WORKER TIMEOUT'))).toBe(false);
  });

  it("answers a handler that raises with Gunicorn's 500 page and logs the request", { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1'], 1);
      const reply = await getWithHeaders(run.port, '/boom');
      await run.waitForLines(/Error handling request/, 1, 5000);
      return { reply, shapes: logShapes(run.lines) };
    });
    expect(seen.course.reply).toEqual(seen.gunicorn.reply);
    expect(seen.course.reply.status).toBe(500);
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
  });

  it('recycles a worker after --max-requests and logs the autorestart', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1', '--max-requests', '3'], 1);
      const pids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const reply = await get(run.port, '/pid');
        pids.push('body' in reply ? reply.body.trim() : reply.error);
      }
      return { pids, shapes: logShapes(run.lines) };
    });
    for (const target of targets) {
      // waitForWorkers spent one request of the first worker; then runs of 3.
      const runs = runLengths(seen[target].pids);
      expect(runs, target).toEqual([2, 3, 2]);
    }
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
  });

  it('gives each worker its own limit of max_requests plus 0..jitter', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1', '--max-requests', '2', '--max-requests-jitter', '2'], 1);
      const pids: string[] = [];
      for (let i = 0; i < 14; i++) {
        const reply = await get(run.port, '/');
        pids.push('body' in reply ? String(reply.status) : reply.error);
      }
      const replies = pids.filter((p) => p === '200').length;
      const restarts = run.lines.filter((l) => l.includes('Autorestarting worker after current request.')).length;
      return { replies, restarts };
    });
    for (const target of targets) {
      expect(seen[target].replies, target).toBe(14);
      // 15 requests (one readiness probe) with limits of 2 to 4 each: 3 to 7 restarts.
      expect(seen[target].restarts, target).toBeGreaterThanOrEqual(3);
      expect(seen[target].restarts, target).toBeLessThanOrEqual(7);
    }
  });

  it('replaces a worker that crashes in the middle of a request', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1'], 1);
      const crashed = await get(run.port, '/crash');
      await run.waitForLines(/Booting worker with pid/, 2, 10_000);
      const after = await get(run.port, '/');
      return { crashed, after, shapes: logShapes(run.lines) };
    });
    for (const target of targets) {
      expect('error' in seen[target].crashed, target).toBe(true);
      expect('status' in seen[target].after && seen[target].after.status, target).toBe(200);
    }
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
  });

  it('replaces a worker killed from outside and logs the signal that killed it', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1'], 1);
      const pid = Number(((await get(run.port, '/pid')) as { body: string }).body);
      process.kill(pid, 'SIGKILL');
      await run.waitForLines(/Booting worker with pid/, 2, 10_000);
      const after = await get(run.port, '/');
      return { after, shapes: logShapes(run.lines) };
    });
    for (const target of targets) expect(seen[target].after, target).toMatchObject({ status: 200 });
    expect(seen.course.shapes).toEqual(seen.gunicorn.shapes);
    expect(seen.course.shapes).toContain('[TIME] [PID] [WARNING] Worker with pid N was terminated due to signal 9');
  });

  it('answers a request in flight before a graceful SIGTERM shutdown completes', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '1'], 1);
      const inFlight = get(run.port, '/wait');
      await new Promise((r) => setTimeout(r, 60));
      const code = await run.stop('SIGTERM');
      return { reply: await inFlight, code };
    });
    for (const target of targets) {
      expect(seen[target].reply, target).toMatchObject({ status: 200, body: 'ok /wait\n' });
      expect(seen[target].code, target).toBe(0);
    }
  });

  it('shuts down with status 3 when the app fails while workers import it', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      // One worker: with two, a second boot failure during Gunicorn's own halt can change its exit status.
      const run = await startTarget(target, nextPort++, ['-w', '1'], brokenAppFolder);
      running.push(run);
      const code = await Promise.race([run.exited, new Promise<string>((r) => setTimeout(() => r('still running after 15 s'), 15_000))]);
      return { code, last: logShapes(run.lines).slice(-2) };
    });
    for (const target of targets) {
      expect(seen[target].code, `${target}: ${seen[target].last.join(' / ')}`).toBe(3);
      expect(seen[target].last, target).toEqual(['[TIME] [PID] [INFO] Shutting down: Master', '[TIME] [PID] [INFO] Reason: Worker failed to boot.']);
    }
  });

  it('logs the same lines from start to a graceful SIGTERM shutdown', { timeout: 40_000 }, async () => {
    const seen = await onBoth(async (target) => {
      const run = await start(target, ['-w', '2', '--threads', '2'], 2);
      expect(await run.stop('SIGTERM'), target).toBe(0);
      return logShapes(run.lines);
    });
    expect(seen.course.slice(0, 3)).toEqual(seen.gunicorn.slice(0, 3));
    expect([...seen.course].sort()).toEqual([...seen.gunicorn].sort());
    expect(seen.course).toContain('[TIME] [PID] [INFO] Using worker: threads');
    expect(seen.course.at(-1)).toBe('[TIME] [PID] [INFO] Shutting down: Master');
  });
});

function runLengths(values: string[]): number[] {
  const runs: number[] = [];
  values.forEach((v, i) => (i > 0 && v === values[i - 1] ? runs[runs.length - 1]!++ : runs.push(1)));
  return runs;
}
