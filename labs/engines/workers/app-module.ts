// Loads the course's Node app named by APP_MODULE (Gunicorn's `MODULE:VARIABLE`, VARIABLE
// defaulting to `application`): MODULE.mjs or MODULE.js in the working folder, exporting an
// object of `"METHOD /path": handler`. Failures carry Gunicorn's exit statuses: 3 when the
// worker cannot boot (the module is missing or throws), 4 when the app is not there
// (gunicorn/arbiter.py WORKER_BOOT_ERROR and APP_LOAD_ERROR).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Handler = (request: AppRequest) => unknown;

export class AppLoadError extends Error {
  readonly exitCode: 3 | 4;
  constructor(message: string, exitCode: 3 | 4) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function parseAppSpec(spec: string): { module: string; variable: string } {
  const [module, variable = 'application', ...rest] = spec.split(':');
  if (!module || rest.length > 0 || !/^[A-Za-z_][\w.]*$/.test(module) || !/^[A-Za-z_$][\w$]*$/.test(variable)) {
    throw new AppLoadError(
      `'${spec}' is not an APP_MODULE the course arbiter can load: write MODULE:VARIABLE, e.g. app:app for the object \`app\` exported by app.mjs (Gunicorn's call syntax such as app:create_app() is not supported).`,
      4,
    );
  }
  return { module, variable };
}

function moduleFile(module: string, cwd: string): string | undefined {
  const base = join(cwd, ...module.split('.'));
  return ['.mjs', '.js'].map((ext) => base + ext).find((file) => existsSync(file));
}

/** Imports the module and returns its routes, keyed "METHOD /path". */
export async function loadApp(spec: string, cwd: string): Promise<Map<string, Handler>> {
  const { module, variable } = parseAppSpec(spec);
  const file = moduleFile(module, cwd);
  if (!file) throw new AppLoadError(`No module named '${module}': the course arbiter looks for ${module.split('.').join('/')}.mjs or .js in ${cwd}.`, 3);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new AppLoadError(`${file} failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 3);
  }
  const app = exports[variable];
  if (app === undefined) throw new AppLoadError(`Failed to find attribute '${variable}' in '${module}'.`, 4);
  if (typeof app !== 'object' || app === null) {
    throw new AppLoadError(`'${module}:${variable}' must be an object of "METHOD /path": handler functions, e.g. { 'GET /': () => 'hello' }; found ${typeof app}.`, 4);
  }
  const routes = new Map<string, Handler>();
  for (const [key, handler] of Object.entries(app)) {
    if (!/^[A-Z]+ \/\S*$/.test(key) || typeof handler !== 'function') {
      throw new AppLoadError(`'${module}:${variable}' has the entry "${key}": every key must look like "GET /path" and every value must be a handler function.`, 4);
    }
    routes.set(key, handler as Handler);
  }
  return routes;
}

/** Machine endpoints with no handler are typos in machine.json or the app; refuse them at boot. */
export function missingHandlers(routes: Map<string, Handler>, endpoints: Record<string, unknown>): string[] {
  return Object.keys(endpoints).filter((key) => !routes.has(key));
}
