// limit_req's leaky bucket (ngx_http_limit_req_lookup and ngx_http_limit_req_account in
// src/http/modules/ngx_http_limit_req_module.c). Per key, "excess" counts requests beyond the
// rate in thousandths; each request adds 1000 and time drains rate*ms/1000. A request whose
// excess would pass the burst is rejected (503 by default); one within the burst is delayed by
// (excess - delay) / rate unless nodelay.
import type { LimitReqZone } from './config.ts';
import type { LimitReq } from './directives-limit-req.ts';
import type { HttpRequest } from './request.ts';
import { renderTemplate } from './template.ts';
import { lookupVariable } from './variables.ts';

interface Bucket {
  excess: number;
  last: number;
}

export type LimitDecision = { kind: 'pass'; delayMs: number } | { kind: 'reject'; zone: string; excess: number };

export class LimitReqState {
  private readonly zones = new Map<string, Map<string, Bucket>>();
  private readonly confs: Map<string, LimitReqZone>;

  constructor(confs: Map<string, LimitReqZone>) {
    this.confs = confs;
  }

  check(r: HttpRequest, limits: LimitReq[], now = Date.now()): LimitDecision {
    let maxDelay = 0;
    const pending: Array<() => void> = [];
    for (const limit of limits) {
      const zone = this.confs.get(limit.zone)!;
      const key = renderTemplate(zone.key, (n) => lookupVariable(r, n), r.captures);
      if (key === '') continue;
      const buckets = this.zones.get(zone.name) ?? new Map<string, Bucket>();
      this.zones.set(zone.name, buckets);
      const bucket = buckets.get(key);
      let excess = 0;
      let ms = 0;
      if (bucket) {
        ms = now - bucket.last;
        if (ms < -60000) ms = 1;
        else if (ms < 0) ms = 0;
        excess = Math.max(0, bucket.excess - Math.floor((zone.ratePerMs1000 * ms) / 1000) + 1000);
        if (excess > limit.burst * 1000) return { kind: 'reject', zone: zone.name, excess };
      }
      pending.push(() => {
        if (!bucket) buckets.set(key, { excess: 0, last: now });
        else {
          bucket.excess = excess;
          if (ms) bucket.last = now;
        }
      });
      const delay = limit.delay === Infinity ? Infinity : limit.delay * 1000;
      if (excess > delay) maxDelay = Math.max(maxDelay, Math.floor(((excess - delay) * 1000) / zone.ratePerMs1000));
    }
    for (const account of pending) account();
    return { kind: 'pass', delayMs: maxDelay };
  }
}
