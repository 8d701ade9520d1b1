// How the servers find the learner's application from an app string, with one Python booted
// in this process: the outcomes and messages must be Gunicorn's and Uvicorn's, because the
// learner will meet the real ones next. The CLI maps "boot" to exit 3 and "load" to exit 4.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPyodideDir } from '../../../labs/engines/python/pyodide-files.ts';
import { asgiHostModules, wsgiHostModules } from '../../../labs/engines/python/python-hosts.ts';
import { startPython, type PythonRuntime } from '../../../labs/engines/python/python-runtime.ts';

const broken = fileURLToPath(new URL('../../fixtures/python/broken', import.meta.url));
let runtime: PythonRuntime;

const loadWsgi = (spec: string) => runtime.pyodide.runPython(`__import__('course_app_loader').load_wsgi(${JSON.stringify(spec)})`).toJs({ depth: 1 }) as [string, unknown];
const loadAsgi = (spec: string, factory = false) => runtime.pyodide.runPython(`__import__('course_app_loader').load_asgi(${JSON.stringify(spec)}, ${factory ? 'True' : 'False'})`).toJs({ depth: 1 }) as [string, unknown];

beforeAll(async () => {
  runtime = await startPython({ pyodideDir: findPyodideDir(undefined), appDir: broken, hostModules: { ...wsgiHostModules, ...asgiHostModules } });
}, 180_000);

describe('course-wsgi reads APP_MODULE as Gunicorn 20.1 does', () => {
  it('defaults the callable name to application and reports a missing one in Gunicorn\'s words', () => {
    expect(loadWsgi('no_application')).toEqual(['load', "Failed to find attribute 'application' in 'no_application'."]);
  });

  it('finds module:name', () => {
    expect(loadWsgi('no_application:app')[0]).toBe('ok');
  });

  it('calls module:factory() with literal arguments', () => {
    expect(loadWsgi("factories:create_app(greeting='hi')")[0]).toBe('ok');
  });

  it('refuses arguments that are not literals', () => {
    expect(loadWsgi('factories:create_app(NOT_CALLABLE)')).toEqual(['load', "Failed to parse arguments as literal values: 'create_app(NOT_CALLABLE)'"]);
  });

  it('refuses an object that is not callable', () => {
    expect(loadWsgi('factories:NOT_CALLABLE')).toEqual(['load', 'Application object must be callable.']);
  });

  it('reports an exception raised while importing with its traceback, pointing at the learner\'s line', () => {
    const [outcome, text] = loadWsgi('raises_on_import:application');
    expect(outcome).toBe('boot');
    expect(text).toContain(`File "${broken}/raises_on_import.py", line 3`);
    expect(text).toContain("KeyError: 'port'");
  });

  it('reports a module that does not exist as ModuleNotFoundError', () => {
    const [outcome, text] = loadWsgi('nowhere:application');
    expect(outcome).toBe('boot');
    expect(text).toContain("ModuleNotFoundError: No module named 'nowhere'");
  });
});

describe('course-asgi reads APP as Uvicorn 0.17.6 does', () => {
  it('requires module:attribute', () => {
    expect(loadAsgi('factories')).toEqual(['error', 'Error loading ASGI app. Import string "factories" must be in format "<module>:<attribute>".']);
  });

  it('names a module it cannot import', () => {
    expect(loadAsgi('nowhere:app')).toEqual(['error', 'Error loading ASGI app. Could not import module "nowhere".']);
  });

  it('names a missing attribute', () => {
    expect(loadAsgi('factories:app')).toEqual(['error', 'Error loading ASGI app. Attribute "app" not found in module "factories".']);
  });

  it('calls the factory with --factory', () => {
    expect(loadAsgi('factories:create_asgi', true)[0]).toBe('ok');
  });
});

describe('ASGI lifespan', () => {
  it('reports a failed startup with the application\'s message', async () => {
    const report = await runtime.pyodide.runPythonAsync(`
import course_asgi_host, startup_fails
await course_asgi_host.lifespan(startup_fails.app, "auto").startup()
`);
    expect(report).toEqual([true, [['error', 'cannot reach the database']]]);
  });

  it('serves an application that does not speak lifespan in auto mode, saying so', async () => {
    const report = await runtime.pyodide.runPythonAsync(`
import course_asgi_host
async def http_only(scope, receive, send):
    assert scope["type"] == "http"
await course_asgi_host.lifespan(http_only, "auto").startup()
`);
    expect(report).toEqual([false, [['info', "ASGI 'lifespan' protocol appears unsupported."]]]);
  });
});
