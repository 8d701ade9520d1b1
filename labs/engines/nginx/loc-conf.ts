// One level of http-module configuration: the http block, a server block or a location.
// nginx merges each level into the next (ngx_http_core_merge_loc_conf and friends); for the
// directives of the course subset the rule is the same everywhere: a level uses its own
// setting if it has one, otherwise the nearest enclosing level's. Array directives such as
// add_header and proxy_set_header follow it too, which is why one add_header in a location
// discards every add_header of the server block.

export class LocConf {
  readonly parent: LocConf | undefined;
  readonly values = new Map<string, unknown>();

  constructor(parent?: LocConf) {
    this.parent = parent;
  }

  own<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** Effective values remembered once the configuration is complete (see freeze). */
  private memo: Map<string, unknown> | undefined;

  /** The effective value after inheritance. */
  get<T>(key: string): T | undefined {
    if (this.memo?.has(key)) return this.memo.get(key) as T;
    let found: unknown;
    for (let level: LocConf | undefined = this; level; level = level.parent) {
      if (level.values.has(key)) {
        found = level.values.get(key);
        break;
      }
    }
    this.memo?.set(key, found);
    return found as T | undefined;
  }

  /** Called when loading is done: no value changes any more, so lookups can be remembered. */
  freeze(): void {
    this.memo = new Map();
  }

  /** Which level set the effective value: 0 for this one, 1 for its parent, ... */
  depthOf(key: string): number {
    let depth = 0;
    for (let level: LocConf | undefined = this; level; level = level.parent, depth++) {
      if (level.values.has(key)) return depth;
    }
    return -1;
  }

  /** Sets a value once per level; a second time is nginx's "is duplicate". */
  setOnce(key: string, value: unknown): string | void {
    if (this.values.has(key)) return 'is duplicate';
    this.values.set(key, value);
  }

  /** Appends to a list that belongs to this level. */
  push<T>(key: string, ...items: T[]): void {
    const list = (this.values.get(key) as T[] | undefined) ?? [];
    list.push(...items);
    this.values.set(key, list);
  }
}
