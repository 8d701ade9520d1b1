// Lists the disagreements between nginx's and the course proxy's observations, skipping the
// fields a reviewed known difference names for that case.
import type { Observation } from './observe.ts';

export type Field = 'status' | 'body' | 'headers' | 'upstream' | 'access-log';

/**
 * Two clocks read a second apart: "max-age=N" and "Date + Ns" may differ by a second or two
 * between the nginx run and the course proxy run (expires modified counts from now).
 */
function sameAllowingClock(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const num = (v: string) => /^(max-age=|Date \+ )(-?\d+)s?$/.exec(v);
  const x = num(a);
  const y = num(b);
  return !!x && !!y && x[1] === y[1] && Math.abs(Number(x[2]) - Number(y[2])) <= 2;
}

export function differences(nginx: Observation[], course: Observation[], skip: ReadonlySet<Field> = new Set(), logs?: { nginx: string[]; course: string[] }): string[] {
  const out: string[] = [];
  if (logs && !skip.has('access-log') && logs.nginx.join('\n') !== logs.course.join('\n')) {
    out.push(`access log\n    nginx  ${logs.nginx.join('\n           ')}\n    course ${logs.course.join('\n           ')}`);
  }
  nginx.forEach((n, i) => {
    const c = course[i]!;
    const at = `request ${i + 1}`;
    if (!skip.has('status') && (n.status !== c.status || n.closed !== c.closed)) out.push(`${at}: status nginx ${n.closed ? 'closed' : n.status}, course proxy ${c.closed ? 'closed' : c.status}`);
    if (!skip.has('body') && n.body !== c.body) out.push(`${at}: body nginx ${JSON.stringify(n.body.slice(0, 200))}, course proxy ${JSON.stringify(c.body.slice(0, 200))}`);
    if (!skip.has('headers')) {
      for (const name of new Set([...Object.keys(n.headers), ...Object.keys(c.headers)])) {
        if (!sameAllowingClock(n.headers[name], c.headers[name])) out.push(`${at}: header ${name} nginx ${JSON.stringify(n.headers[name])}, course proxy ${JSON.stringify(c.headers[name])}`);
      }
    }
    if (!skip.has('upstream')) {
      const a = JSON.stringify(n.upstream);
      const b = JSON.stringify(c.upstream);
      if (a !== b) out.push(`${at}: upstream saw\n    nginx  ${a}\n    course ${b}`);
    }
  });
  return out;
}
