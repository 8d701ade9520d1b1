// INFO [section ...]: the server's state as "# Section" blocks of "field:value" lines, in
// Redis's order and layout (genRedisInfoString() in redis/src/server.c). This engine reports
// the sections and fields that mean something for it; the cache lab reads keyspace_hits,
// keyspace_misses and the db0 line. https://redis.io/docs/latest/commands/info/
import os from 'node:os';
import type { CommandContext } from './types.ts';

// The Redis version whose behaviour this engine copies and is differentially tested against.
// Client libraries read redis_version to decide which commands they may use.
export const COMPATIBLE_REDIS_VERSION = '7.0.15';

type Section = (context: CommandContext) => Array<[string, string | number]>;

// bytesToHuman() in server.c.
function human(bytes: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (bytes < 1024) return `${bytes}B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}

function cpuSeconds(micros: number): string {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

// Sections in the order Redis prints them; INFO without arguments prints all of these.
const SECTIONS: Array<[string, Section]> = [
  ['Server', ({ server, now }) => [
    ['redis_version', COMPATIBLE_REDIS_VERSION],
    ['redis_mode', 'standalone'],
    // Redis prints uname's machine name ("x86_64"); os.machine() exists from Node 18.9.
    ['os', `${os.type()} ${os.release()} ${typeof os.machine === 'function' ? os.machine() : os.arch()}`],
    ['arch_bits', 64],
    ['process_id', process.pid],
    ['run_id', server.runId],
    ['tcp_port', server.port],
    ['server_time_usec', now * 1000],
    ['uptime_in_seconds', Math.floor((now - server.startedAt) / 1000)],
    ['uptime_in_days', Math.floor((now - server.startedAt) / 86_400_000)],
    ['hz', 10],
    ['configured_hz', 10],
    ['executable', process.argv[1] ?? ''],
  ]],
  ['Clients', ({ server }) => [
    ['connected_clients', server.stats.connectedClients],
    ['maxclients', 10000],
    ['blocked_clients', 0],
  ]],
  ['Memory', () => {
    const { heapUsed, rss } = process.memoryUsage();
    return [
      ['used_memory', heapUsed],
      ['used_memory_human', human(heapUsed)],
      ['used_memory_rss', rss],
      ['used_memory_rss_human', human(rss)],
      ['maxmemory', 0],
      ['maxmemory_human', '0B'],
      ['maxmemory_policy', 'noeviction'],
    ];
  }],
  // The engine keeps everything in memory and never persists, like redis-server --save ''
  // --appendonly no.
  ['Persistence', () => [
    ['loading', 0],
    ['async_loading', 0],
    ['rdb_bgsave_in_progress', 0],
    ['aof_enabled', 0],
  ]],
  ['Stats', ({ server, store }) => [
    ['total_connections_received', server.stats.totalConnections],
    ['total_commands_processed', server.stats.commandsProcessed],
    ['total_net_input_bytes', server.stats.netInputBytes],
    ['total_net_output_bytes', server.stats.netOutputBytes],
    ['rejected_connections', 0],
    ['expired_keys', store.stats.expiredKeys],
    ['evicted_keys', 0],
    ['keyspace_hits', store.stats.hits],
    ['keyspace_misses', store.stats.misses],
    ['total_error_replies', server.stats.errorReplies],
  ]],
  ['Replication', () => [
    ['role', 'master'],
    ['connected_slaves', 0],
  ]],
  ['CPU', () => {
    const { system, user } = process.cpuUsage();
    return [
      ['used_cpu_sys', cpuSeconds(system)],
      ['used_cpu_user', cpuSeconds(user)],
    ];
  }],
  ['Cluster', () => [['cluster_enabled', 0]]],
  // Only databases holding keys get a line (the keyspace section of genRedisInfoString).
  ['Keyspace', ({ store }) => (store.size === 0 ? [] : [
    ['db0', `keys=${store.size},expires=${store.volatileCount},avg_ttl=${store.averageTtl}`],
  ])],
];

/**
 * The INFO text for the requested section names (case-insensitive). No names, "default", "all"
 * and "everything" select every section; unknown names select nothing, so Redis and this
 * engine both answer an empty string for "INFO nosuchsection".
 */
export function renderInfo(requested: string[], context: CommandContext): string {
  const names = requested.map((name) => name.toLowerCase());
  const everything = names.length === 0 || names.some((name) => ['default', 'all', 'everything'].includes(name));
  const blocks: string[] = [];
  for (const [title, fields] of SECTIONS) {
    if (!everything && !names.includes(title.toLowerCase())) continue;
    const lines = fields(context).map(([field, value]) => `${field}:${value}\r\n`);
    blocks.push(`# ${title}\r\n${lines.join('')}`);
  }
  return blocks.join('\r\n');
}
