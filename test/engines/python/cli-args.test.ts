// Reading the command lines the way Gunicorn and Uvicorn read theirs, so a learner's habits
// (and a lab's start command) carry over unchanged.
import { describe, expect, it } from 'vitest';
import { parseAsgiArgs } from '../../../labs/engines/python/asgi-args.ts';
import { UsageError } from '../../../labs/engines/python/cli-options.ts';
import { parseBind, parseWsgiArgs } from '../../../labs/engines/python/wsgi-args.ts';

describe('course-wsgi -b reads addresses as Gunicorn parse_address() does', () => {
  it('takes HOST:PORT as given', () => {
    expect(parseBind('127.0.0.1:8001')).toEqual({ host: '127.0.0.1', port: 8001 });
  });

  it('listens on every interface for :PORT', () => {
    expect(parseBind(':9000')).toEqual({ host: '0.0.0.0', port: 9000 });
  });

  it('uses port 8000 for a bare host', () => {
    expect(parseBind('localhost')).toEqual({ host: 'localhost', port: 8000 });
  });

  it('reads a bracketed IPv6 address', () => {
    expect(parseBind('[::1]:8002')).toEqual({ host: '::1', port: 8002 });
  });

  it('refuses a unix socket, saying the course server speaks TCP only', () => {
    expect(() => parseBind('unix:/tmp/app.sock')).toThrow(/TCP only/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => parseBind('127.0.0.1:http')).toThrow(UsageError);
  });
});

describe('course-wsgi options', () => {
  it('reads -t/--timeout in whole seconds, 30 by default and 0 for none, as Gunicorn does', () => {
    expect(parseWsgiArgs(['app:application'], {}).timeout).toBe(30);
    expect(parseWsgiArgs(['app:application', '-t', '2'], {}).timeout).toBe(2);
    expect(parseWsgiArgs(['app:application', '--timeout=0'], {}).timeout).toBe(0);
    expect(() => parseWsgiArgs(['app:application', '-t', '2.5'], {})).toThrow("argument -t/--timeout: invalid int value: '2.5'");
    expect(() => parseWsgiArgs(['app:application', '--timeout', '-5'], {})).toThrow('Value must be positive: -5');
  });

  it('defaults to 127.0.0.1:8000, or 0.0.0.0:$PORT when PORT is set, as Gunicorn does', () => {
    expect(parseWsgiArgs(['app:application'], {}).binds).toEqual([{ host: '127.0.0.1', port: 8000 }]);
    expect(parseWsgiArgs(['app:application'], { PORT: '5000' }).binds).toEqual([{ host: '0.0.0.0', port: 5000 }]);
  });

  it('lets -b win over PORT and accepts every spelling of it', () => {
    for (const argv of [['-b', '127.0.0.1:7000'], ['-b127.0.0.1:7000'], ['--bind', '127.0.0.1:7000'], ['--bind=127.0.0.1:7000']]) {
      expect(parseWsgiArgs(['app:application', ...argv], { PORT: '5000' }).binds).toEqual([{ host: '127.0.0.1', port: 7000 }]);
    }
  });

  it('needs an application module', () => {
    expect(() => parseWsgiArgs([], {})).toThrow(/No application module specified/);
  });
});

describe('course-asgi options', () => {
  it('has Uvicorn\'s defaults', () => {
    expect(parseAsgiArgs(['app:app'])).toMatchObject({ host: '127.0.0.1', port: 8000, appDir: '.', lifespan: 'auto', accessLog: true, factory: false });
  });

  it('reads --host, --port, --lifespan, --factory and --no-access-log', () => {
    expect(parseAsgiArgs(['app:create', '--host', '0.0.0.0', '--port=9001', '--lifespan', 'on', '--factory', '--no-access-log'])).toMatchObject({ host: '0.0.0.0', port: 9001, lifespan: 'on', factory: true, accessLog: false });
  });

  it('refuses a lifespan mode Uvicorn does not have, listing the choices', () => {
    expect(() => parseAsgiArgs(['app:app', '--lifespan', 'always'])).toThrow("'always' is not one of 'auto', 'on', 'off'");
  });
});
