// Command-line options read the way nginx reads them (ngx_get_options in src/core/nginx.c):
// single-letter flags that may be grouped ("-tq"), and -p/-c/-g/-e/-s taking the rest of the
// word or the next word. The course's own option is spelled long (--explain URL) so that it
// can never mean something else to nginx.

export interface CliOptions {
  help: boolean;
  version: boolean;
  versionConfigure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  prefix?: string;
  confFile?: string;
  globalDirectives?: string;
  errorLog?: string;
  signal?: string;
  /** Course-only: explain how this URL would be routed, then exit. */
  explain?: string;
  /** Course-only: request headers for --explain ("Name: value"). */
  explainHeaders: string[];
}

export class CliUsageError extends Error {}

const needs: Record<string, string> = { p: 'directory name', c: 'file name', g: 'parameter', e: 'file name', s: 'parameter' };

export function parseCliArgs(argv: string[]): CliOptions {
  const o: CliOptions = { help: false, version: false, versionConfigure: false, test: false, dump: false, quiet: false, explainHeaders: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--explain' || arg === '--explain-header') {
      const value = argv[++i];
      if (value === undefined) throw new CliUsageError(`option "${arg}" requires ${arg === '--explain' ? 'a URL, for example http://localhost:8080/api/' : 'a header, for example "Host: example.com"'}`);
      if (arg === '--explain') o.explain = value;
      else o.explainHeaders.push(value);
      continue;
    }
    if (!arg.startsWith('-')) throw new CliUsageError(`invalid option: "${arg}"`);
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j]!;
      switch (flag) {
        case '?':
        case 'h':
          o.help = true;
          break;
        case 'v':
          o.version = true;
          break;
        case 'V':
          o.version = o.versionConfigure = true;
          break;
        case 't':
          o.test = true;
          break;
        case 'T':
          o.test = o.dump = true;
          break;
        case 'q':
          o.quiet = true;
          break;
        case 'p':
        case 'c':
        case 'g':
        case 'e':
        case 's': {
          let value = arg.slice(j + 1);
          if (!value) {
            const next = argv[++i];
            if (next === undefined) throw new CliUsageError(`option "-${flag}" requires ${needs[flag]}`);
            value = next;
          }
          if (flag === 'p') o.prefix = value;
          else if (flag === 'c') o.confFile = value;
          else if (flag === 'g') o.globalDirectives = value;
          else if (flag === 'e') o.errorLog = value;
          else o.signal = value;
          j = arg.length;
          break;
        }
        default:
          throw new CliUsageError(`invalid option: "${arg.slice(j)}"`);
      }
    }
  }
  return o;
}

export const usage = `Usage: course-nginx [-?hvVtTq] [-p prefix] [-c filename] [-g directives]
                    [--explain URL [--explain-header "Name: value"]...]

Options (as nginx's):
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and what the course proxy supports, then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -p prefix     : set prefix path (default: the current directory; nginx's is /usr/share/nginx/)
  -c filename   : set configuration file (default: nginx.conf in the prefix)
  -g directives : set global directives out of configuration file
Course-only options:
  --explain URL : show which server and location would answer a GET for URL, why,
                  and the headers in effect after inheritance; then exit
  --explain-header "Name: value" : a request header for --explain (repeatable)
`;
