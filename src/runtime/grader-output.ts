// Pulls the one JSON document out of what a process printed. A grader started with `--json`
// prints only its result, but the WebContainer merges stderr into the same stream and its
// terminal turns "\n" into "\r\n", so a Node warning or a carriage return may surround it.
export function lastJsonDocument(output: string): unknown {
  const text = output.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  let start = text.search(/^\{/m);
  while (start >= 0) {
    const end = text.lastIndexOf('}');
    if (end < start) break;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      const next = text.slice(start + 1).search(/^\{/m);
      start = next < 0 ? -1 : start + 1 + next;
    }
  }
  const tail = text.trim().split('\n').slice(-5).join('\n');
  throw new Error(tail ? `expected a JSON result, but the output ended with:\n${tail}` : 'expected a JSON result, but the process printed nothing');
}
