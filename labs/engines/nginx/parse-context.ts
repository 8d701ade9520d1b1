// What a directive handler sees while the parser walks the configuration: the enclosing
// block and the pieces of configuration it may change, like nginx's ngx_conf_t.
import type { Config, HttpConf, LocationBlock, ServerConf, UpstreamConf, Where } from './config.ts';
import type { ContextKind } from './directive-spec.ts';
import type { LocConf } from './loc-conf.ts';
import type { Template } from './template.ts';
import type { ProxyPass } from './directives-proxy.ts';

export type BlockKind = ContextKind | 'types';

export interface ParseState {
  config: Config;
  warnings: string[];
  /** Every variable a template uses, checked once the http block is parsed. */
  variableUses: Array<{ name: string } & Where>;
  /** Named regex captures declared by locations and server names (usable as variables). */
  captureNames: Set<string>;
  /** proxy_pass targets, resolved to upstream groups after parsing. */
  proxyPasses: Array<{ value: ProxyPass } & Where>;
  /** Upstream server host names to resolve after parsing. */
  hostnames: Array<{ host: string; upstream: string } & Where>;
}

export interface ParseContext {
  kind: BlockKind;
  state: ParseState;
  http?: HttpConf;
  loc?: LocConf;
  server?: ServerConf;
  location?: LocationBlock;
  upstream?: UpstreamConf;
  /**
   * Parses the body of the block the current directive opened, in a child context, and
   * returns the line of its closing "}".
   */
  parseBlock(child: Omit<ParseContext, 'state' | 'parseBlock'>): number;
}

export type TemplateCompiler = (source: string) => Template;
