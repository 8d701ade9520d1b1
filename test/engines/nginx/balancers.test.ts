import { describe, expect, it } from 'vitest';
import type { UpstreamConf } from '../../../labs/engines/nginx/config.ts';
import { LimitReqState } from '../../../labs/engines/nginx/limit-req.ts';
import { compileTemplate } from '../../../labs/engines/nginx/template.ts';
import { HttpRequest } from '../../../labs/engines/nginx/request.ts';
import { pickLeastConn } from '../../../labs/engines/nginx/upstream-least-conn.ts';
import { buildUpstream, releasePeer, type Peer } from '../../../labs/engines/nginx/upstream-peers.ts';
import { pickRoundRobin } from '../../../labs/engines/nginx/upstream-round-robin.ts';

function upstream(weights: number[], extra: Partial<UpstreamConf['servers'][number]> = {}) {
  const conf: UpstreamConf = {
    name: 'app', explicit: true, balancer: 'round-robin', file: 'nginx.conf', line: 1,
    servers: weights.map((weight, i) => ({
      address: `127.0.0.${i + 1}:80`, host: `127.0.0.${i + 1}`, port: 80, weight, maxFails: 1, failTimeoutMs: 10000,
      backup: false, down: false, file: 'nginx.conf', line: 2 + i, ...extra,
    })),
  };
  return buildUpstream(conf, new Map());
}

const names = (peers: Array<Peer | undefined>) => peers.map((p) => p?.name.split('.')[3]!.split(':')[0]).join(' ');

describe('upstream balancing', () => {
  it('interleaves weights 5, 1, 1 smoothly, as nginx documents for smooth weighted round robin', () => {
    const u = upstream([5, 1, 1]);
    const picks = Array.from({ length: 7 }, () => pickRoundRobin(u.primary, new Set()));
    expect(names(picks)).toBe('1 1 2 1 3 1 1');
  });

  it('skips a peer that reached max_fails until fail_timeout passes, and lowers its weight', () => {
    const u = upstream([1, 1]);
    const first = pickRoundRobin(u.primary, new Set())!;
    first.conns++;
    releasePeer(u.primary, first, true);
    expect(first.fails).toBe(1);
    expect(first.effectiveWeight).toBe(0);
    const next = Array.from({ length: 3 }, () => pickRoundRobin(u.primary, new Set()));
    expect(next.every((p) => p !== first)).toBe(true);
  });

  it('never marks the only server of a group as failed', () => {
    const u = upstream([1]);
    const only = u.primary.peers[0]!;
    only.conns++;
    releasePeer(u.primary, only, true);
    expect(only.fails).toBe(0);
  });

  it('prefers the peer with the fewest connections per weight with least_conn', () => {
    const u = upstream([1, 1]);
    u.primary.peers[0]!.conns = 3;
    expect(pickLeastConn(u.primary, new Set())).toBe(u.primary.peers[1]);
  });
});

describe('limit_req leaky bucket', () => {
  const zone = { name: 'one', key: compileTemplate('$remote_addr'), ratePerMs1000: 1000, sizeBytes: 1 << 20, used: true, file: 'f', line: 1 };
  const request = () => new HttpRequest({ remoteAddr: '10.0.0.1', remotePort: 1, localAddr: '127.0.0.1', localPort: 80, connectionId: 1, connectionRequests: 1 }, 'GET', '/', '1.1', []);

  it('admits the burst, rejects the next request and admits again once the bucket drained', () => {
    const state = new LimitReqState(new Map([['one', zone]]));
    const limits = [{ zone: 'one', burst: 2, delay: Infinity }];
    const at = (ms: number) => state.check(request(), limits, 1_000_000 + ms).kind;
    expect([at(0), at(0), at(0), at(0)]).toEqual(['pass', 'pass', 'pass', 'reject']);
    expect(at(1000)).toBe('pass');
  });

  it('delays requests within the burst without nodelay by excess divided by the rate', () => {
    const state = new LimitReqState(new Map([['one', zone]]));
    const limits = [{ zone: 'one', burst: 5, delay: 0 }];
    state.check(request(), limits, 5_000_000);
    expect(state.check(request(), limits, 5_000_000)).toEqual({ kind: 'pass', delayMs: 1000 });
  });
});
