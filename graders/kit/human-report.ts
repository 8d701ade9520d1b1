// The human side of a grader run: live lines with `[check:<slug>]` and `[your program]`
// prefixes, expected vs actual, the transcript, the curl line and the hint for a failure,
// and a closing summary. Coloured only on a terminal that wants colour.
import type { CheckResult, GraderResult } from './result-schema.ts';
import type { RunEvent } from './run-events.ts';

type Paint = (text: string) => string;

export interface Palette {
  green: Paint;
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  dim: Paint;
  bold: Paint;
}

const ansi = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

export function palette(color: boolean): Palette {
  if (!color) return { green: plain, red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain };
  return { green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
}

/** Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? line : `${prefix}${line}`)).join('\n');
}

function failureBlock(result: CheckResult, p: Palette): string[] {
  const pad = '    ';
  // Continuation lines line up under the first line's text, after "  expected: ".
  const under = ' '.repeat(12);
  const lines: string[] = [];
  if (result.expected !== undefined) lines.push(`  ${p.bold('expected:')} ${indent(result.expected, under)}`);
  if (result.actual !== undefined) lines.push(`  ${p.bold('actual:')}   ${indent(result.actual, under)}`);
  if (result.transcript) {
    lines.push(`  ${p.bold('transcript:')}`);
    for (const line of result.transcript.split('\n')) lines.push(p.dim(`${pad}${line}`));
  }
  if (result.repro) lines.push(`  ${p.bold('try it:')}   ${result.repro}`);
  lines.push(`  ${p.bold('hint:')}     ${p.yellow(indent(result.hint, under))}`);
  return lines;
}

export function describeCheckEnd(result: CheckResult, p: Palette): string[] {
  const tag = p.cyan(`[check:${result.slug}]`);
  const time = p.dim(`(${result.duration_ms} ms)`);
  if (result.status === 'pass') return [`${tag} ${p.green('✓ passed:')} ${result.message} ${time}`];
  if (result.status === 'skipped') return [`${tag} ${p.yellow('- skipped:')} ${result.message}`];
  if (result.status === 'error') return [`${tag} ${p.red('! grader error:')} ${result.message}`];
  return [`${tag} ${p.red(`✗ failed (${result.reason}):`)} ${indent(result.message, '  ')} ${time}`, ...failureBlock(result, p)];
}

export class HumanReporter {
  private readonly write: (line: string) => void;
  private readonly p: Palette;
  private readonly reported = new Set<string>();

  constructor(write: (line: string) => void, color: boolean) {
    this.write = write;
    this.p = palette(color);
  }

  onEvent = (event: RunEvent): void => {
    const { p } = this;
    switch (event.type) {
      case 'run-start':
        this.write(p.bold(`Checking lab ${event.lab} in ${event.dir}`) + p.dim(` (PORT=${event.port} HOST=${event.host}, seed ${event.seed}, ${event.checks} checks)`));
        break;
      case 'check-start':
        this.write(`${p.cyan(`[check:${event.slug}]`)} ${event.title}`);
        break;
      case 'process-start':
        this.write(p.dim(`[grader] started \`${event.command}\` as ${event.label} (pid ${event.pid})`));
        break;
      case 'output':
        this.write(`${p.dim(`[${event.label}]`)} ${event.line}`);
        break;
      case 'note':
        this.write(`${p.dim('[grader]')} ${event.text}`);
        break;
      case 'check-end':
        this.reported.add(event.result.slug);
        for (const line of describeCheckEnd(event.result, p)) this.write(line);
        break;
    }
  };

  summary(result: GraderResult, rerun: string, interrupted = false): void {
    const { p } = this;
    const count = (status: CheckResult['status']) => result.checks.filter((c) => c.status === status).length;
    const skipped = result.checks.filter((c) => c.status === 'skipped' && !this.reported.has(c.slug));
    const notRun = result.checks.filter((c) => c.status === 'skipped').length;
    const reasons = [...new Set(skipped.map((c) => c.message))];
    for (const reason of reasons) {
      const slugs = skipped.filter((c) => c.message === reason).map((c) => c.slug);
      const why = reason.replace(/^Not (run|finished): /, '').replace(/\.$/, '');
      this.write(`${p.yellow(`- ${slugs.length} not run`)} ${p.dim(`because ${why}:`)} ${slugs.join(', ')}`);
    }
    this.write('');
    if (interrupted) {
      this.write(p.yellow(`Stopped: ${result.message ?? 'the run was interrupted.'} Your program was stopped too.`));
      return;
    }
    if (result.status === 'error') {
      this.write(p.red(`Grader error: ${result.message ?? 'a check failed inside the grader.'}`));
      return;
    }
    const total = result.checks.length;
    const tally = `${count('pass')} of ${total} checks passed${count('fail') ? `, ${count('fail')} failed` : ''}${notRun ? `, ${notRun} not run` : ''}`;
    const seconds = (result.duration_ms / 1000).toFixed(1);
    if (result.status === 'pass') {
      this.write(p.green(p.bold(`All ${total} checks passed.`)) + p.dim(` (${seconds} s, seed ${result.seed})`));
      return;
    }
    const first = result.checks.find((c) => c.status === 'fail');
    this.write(p.red(p.bold(tally + '.')) + p.dim(` (${seconds} s, seed ${result.seed})`));
    if (first) this.write(`Fix "${first.slug}" first, then check again: ${rerun}`);
  }
}
