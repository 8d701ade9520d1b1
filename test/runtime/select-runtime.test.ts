import { describe, expect, it } from 'vitest';
import { noRuntimeAdvice, runtimeParam, selectRuntime, type RuntimeEnvironment } from '../../src/runtime/select-runtime.ts';
import { overrideKey, readOverride } from '../../src/runtime/start-runtime.ts';

function environment(changes: Partial<RuntimeEnvironment> & { runner?: boolean } = {}): RuntimeEnvironment & { asked: () => number } {
  let asked = 0;
  return {
    override: null,
    crossOriginIsolated: true,
    webContainerCapable: true,
    runnerAnswers: async () => {
      asked += 1;
      return changes.runner ?? false;
    },
    asked: () => asked,
    ...changes,
  };
}

class MapStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

describe('choosing a runtime', () => {
  it('picks the local runner when the server that sent the page runs labs, even where the WebContainer could run', async () => {
    const decision = await selectRuntime(environment({ runner: true }));
    expect(decision).toEqual({ kind: 'local', reason: expect.stringContaining('course server on your computer') });
  });

  it('picks the WebContainer on an isolated page in a capable browser when no runner answers, as on a static host', async () => {
    const env = environment({ runner: false });
    const decision = await selectRuntime(env);
    expect(decision.kind).toBe('webcontainer');
    expect(decision.reason).toContain('cross-origin isolated');
    expect(env.asked()).toBe(1);
  });

  it('uses the local runner on a page that is not isolated', async () => {
    const decision = await selectRuntime(environment({ crossOriginIsolated: false, runner: true }));
    expect(decision.kind).toBe('local');
  });

  it('explains what is missing when the page is not isolated and no runner answers', async () => {
    const decision = await selectRuntime(environment({ webContainerCapable: false }));
    expect(decision.kind).toBe('none');
    expect(decision.reason).toContain('SharedArrayBuffer');
  });

  it('explains that nothing can run the lab when neither is available', async () => {
    const decision = await selectRuntime(environment({ crossOriginIsolated: false }));
    expect(decision.kind).toBe('none');
    expect(decision.reason).toContain('no local runner answers');
    expect(noRuntimeAdvice('first-web-server').join(' ')).toContain('npm run lab -- check first-web-server');
  });

  it('uses the local runner when ?runtime=local asks, even where the WebContainer could run', async () => {
    const decision = await selectRuntime(environment({ override: 'local', runner: true }));
    expect(decision).toEqual({ kind: 'local', reason: 'Local runner, as ?runtime=local asks.' });
  });

  it('does not silently switch when the forced runtime is unavailable', async () => {
    expect((await selectRuntime(environment({ override: 'local' }))).kind).toBe('none');
    const forced = await selectRuntime(environment({ override: 'webcontainer', crossOriginIsolated: false, runner: true }));
    expect(forced.kind).toBe('none');
    expect(forced.reason).toContain('?runtime=webcontainer');
  });
});

describe('the ?runtime= override', () => {
  it('reads only the known values', () => {
    expect(runtimeParam('?runtime=local')).toBe('local');
    expect(runtimeParam('?runtime=webcontainer')).toBe('webcontainer');
    expect(runtimeParam('?runtime=auto')).toBe('auto');
    expect(runtimeParam('?runtime=docker')).toBeUndefined();
    expect(runtimeParam('')).toBeUndefined();
  });

  it('is remembered for the tab until ?runtime=auto', () => {
    const storage = new MapStorage();
    expect(readOverride('?runtime=local', storage)).toBe('local');
    expect(readOverride('', storage)).toBe('local');
    expect(storage.map.get(overrideKey)).toBe('local');
    expect(readOverride('?runtime=auto', storage)).toBeNull();
    expect(readOverride('', storage)).toBeNull();
  });

  it('still applies when the browser refuses storage', () => {
    const refusing = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('denied'); },
      removeItem: () => { throw new Error('denied'); },
    };
    expect(readOverride('?runtime=webcontainer', refusing)).toBe('webcontainer');
  });
});
