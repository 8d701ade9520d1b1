// Boots CPython (Pyodide) in this Node process with the learner's folder visible at its real
// path, and installs the course's host modules (the WSGI or ASGI glue) next to it.
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PyodideAPI } from 'pyodide';
import { PythonClock } from './python-clock.ts';
import { timeModule } from './time-py.ts';

export interface PythonRuntime {
  pyodide: PyodideAPI;
  /** e.g. "3.14.2" */
  pythonVersion: string;
  /** e.g. "314.0.7" */
  pyodideVersion: string;
  /** The folder Python sees as its working directory and first sys.path entry. */
  appDir: string;
  /** What time.sleep() blocks on, and the deadline that aborts a request (gunicorn --timeout). */
  clock: PythonClock;
}

export interface PythonRuntimeOptions {
  pyodideDir: string;
  /** Host folder holding the learner's modules (gunicorn --chdir, uvicorn --app-dir). */
  appDir: string;
  /** Python modules to install, by module name: the server glue. */
  hostModules: Record<string, string>;
}

/** Where the glue modules live inside Python's file system, outside the learner's folder. */
const hostModuleDir = '/course_server';

/**
 * Emscripten's root holds Python's own standard library (/lib) and devices; a learner's folder
 * at such a path is mounted at /app instead of hiding them.
 */
function pythonPathFor(appDir: string): string {
  const reserved = ['/lib', '/dev', '/proc', hostModuleDir];
  return reserved.some((r) => appDir === r || appDir.startsWith(`${r}/`)) || appDir === '/' ? '/app' : appDir;
}

function writer(stream: NodeJS.WriteStream) {
  // Raw mode: Python's own buffering decides when bytes leave, as it does under gunicorn.
  return { write: (bytes: Uint8Array) => (stream.write(Buffer.from(bytes)), bytes.length) };
}

/** Python's environment is the process's, minus variables that would redirect Python itself. */
function pythonEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('PYTHON')) env[key] = value;
  }
  env.HOME = '/home/pyodide';
  return env;
}

export async function startPython(options: PythonRuntimeOptions): Promise<PythonRuntime> {
  const moduleUrl = pathToFileURL(join(options.pyodideDir, 'pyodide.mjs')).href;
  const { loadPyodide, version } = (await import(moduleUrl)) as typeof import('pyodide');
  const pyodide = await loadPyodide({ indexURL: options.pyodideDir + sep, env: pythonEnvironment() });
  pyodide.setStdout(writer(process.stdout));
  pyodide.setStderr(writer(process.stderr));

  const appPath = pythonPathFor(options.appDir);
  pyodide.FS.mkdirTree(appPath);
  pyodide.mountNodeFS(appPath, options.appDir);
  pyodide.FS.mkdirTree(hostModuleDir);
  const clock = new PythonClock();
  pyodide.registerJsModule('course_clock', clock);
  for (const [name, source] of Object.entries({ ...options.hostModules, course_time: timeModule })) {
    pyodide.FS.writeFile(`${hostModuleDir}/${name}.py`, source);
  }
  const setup = pyodide.runPython(`
import os, sys
sys.path.append(${JSON.stringify(hostModuleDir)})
sys.path.insert(0, ${JSON.stringify(appPath)})
os.chdir(${JSON.stringify(appPath)})
import course_time
course_time.install()
sys.version.split()[0]
`) as string;
  return { pyodide, pythonVersion: setup, pyodideVersion: version, appDir: appPath, clock };
}
