// Starts the course proxy (course-nginx, labs/engines/nginx) in this process on the
// configuration proxyConf() writes. The file goes to a temporary folder of its own, never the
// learner's, and is removed when the proxy closes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLogLine } from '../../engines/nginx/conf-error.ts';
import { loadConfig } from '../../engines/nginx/load-config.ts';
import { startProxy } from '../../engines/nginx/proxy-server.ts';
import { proxyConf, type ProxySettings } from './proxy-conf.ts';

export interface RunningProxy {
  /** The nginx.conf it runs, as text. */
  readonly conf: string;
  readonly url: string;
  close(): Promise<void>;
}

export interface ProxyLog {
  stdout(line: string): void;
  stderr(line: string): void;
}

export async function startCourseProxy(settings: ProxySettings, log: ProxyLog): Promise<RunningProxy> {
  const conf = proxyConf(settings);
  const prefix = mkdtempSync(join(tmpdir(), 'stateless-proxy-'));
  const removePrefix = () => rmSync(prefix, { recursive: true, force: true });
  try {
    writeFileSync(join(prefix, 'nginx.conf'), conf);
    const outcome = await loadConfig({ prefix, confFile: 'nginx.conf' });
    const problem = outcome.parseError ?? outcome.initError;
    if (problem || !outcome.config) throw new Error(`the course proxy refused its own configuration: ${problem ? formatLogLine('emerg', problem.message) : 'no configuration loaded'}`);
    const handle = await startProxy(outcome, log);
    return {
      conf,
      url: `http://${settings.host}:${settings.port}`,
      async close() {
        await handle.close();
        removePrefix();
      },
    };
  } catch (error) {
    removePrefix();
    throw error;
  }
}
