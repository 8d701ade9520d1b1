// The `http` block (ngx_http_block in src/http/ngx_http.c): parses its body, then runs the
// checks nginx makes once the block is read.
import type { HttpConf } from './config.ts';
import type { DirectiveSpec } from './directive-spec.ts';
import { combinedFormat } from './directives-log.ts';
import { LocConf } from './loc-conf.ts';
import type { ParseContext } from './parse-context.ts';
import { checkHttpBlock } from './http-block-checks.ts';

export const httpDirectives: DirectiveSpec[] = [
  {
    name: 'http', contexts: ['main'], arity: [0], block: true,
    handler: (_d, ctx: ParseContext) => {
      if (ctx.state.config.http) return 'is duplicate';
      const http: HttpConf = {
        conf: new LocConf(),
        servers: [],
        upstreams: new Map(),
        limitReqZones: new Map(),
        logFormats: new Map([['combined', combinedFormat]]),
      };
      ctx.state.config.http = http;
      ctx.parseBlock({ kind: 'http', http, loc: http.conf });
      checkHttpBlock(http, ctx.state);
    },
  },
];
