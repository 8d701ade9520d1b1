// Command-line options of course-redis, spelled like redis-server's so the two can be started
// the same way: `redis-server --port 6380 --bind 127.0.0.1 --save '' --appendonly no`.

export interface CliOptions {
  port: number;
  bind: string;
  help: boolean;
}

export const USAGE = `Usage: course-redis [--port N] [--bind ADDRESS]

A Redis-compatible cache server for the course labs. It speaks RESP2 and answers
PING ECHO GET SET (EX PX EXAT PXAT NX XX GET KEEPTTL) DEL EXISTS EXPIRE PEXPIRE TTL PTTL
INCR MGET FLUSHALL DBSIZE INFO QUIT with Redis 7.0's replies and errors. Data lives in
memory only.

Options:
  --port N          TCP port to listen on (default 6379)
  --bind ADDRESS    address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --save ''         accepted for redis-server compatibility: nothing is ever saved
  --appendonly no   accepted for redis-server compatibility
  --help            show this text`;

export class CliError extends Error {}

function value(args: string[], index: number, flag: string): string {
  const given = args[index + 1];
  if (given === undefined) throw new CliError(`${flag} needs a value, for example: course-redis ${flag} ${flag === '--port' ? '6380' : '127.0.0.1'}`);
  return given;
}

export function parseCliArgs(args: string[]): CliOptions {
  const options: CliOptions = { port: 6379, bind: '127.0.0.1', help: false };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const take = () => inline ?? value(args, i++, flag);
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--port') options.port = parsePort(take());
    else if (flag === '--bind') options.bind = take();
    else if (flag === '--save') take();
    else if (flag === '--appendonly') {
      const mode = take();
      if (mode !== 'no') throw new CliError(`--appendonly ${mode} is not available: course-redis keeps data in memory only. Use --appendonly no or leave the option out.`);
    } else throw new CliError(`unknown option ${args[i]}. Expected --port N or --bind ADDRESS (see course-redis --help).`);
  }
  return options;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new CliError(`--port ${text} is not a TCP port: expected a whole number from 1 to 65535, such as 6380.`);
  return port;
}
