// Plays one corpus sequence against a server on a fresh connection and records what came back.
import { RawConnection } from './raw-connection.ts';
import type { Sequence, Step } from './corpus.ts';

const REPLY_TIMEOUT_MS = 2000;
const CLOSE_TIMEOUT_MS = 1000;
const CHUNK_PAUSE_MS = 40;
const SILENCE_MS = 200;

export interface StepOutcome {
  /** The reply bytes as latin1 text (or the INFO fields), what the differential compares. */
  observed: string;
  /** Whether the server had closed the connection (checked when the step says `closes`). */
  closed: boolean | null;
  /** False when the expected replies did not all arrive in time. */
  complete: boolean;
  /** For `range` steps: whether the integer reply fell in the range. */
  inRange: boolean | null;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function encodeCommand(args: string[]): Buffer {
  return latin1(`*${args.length}\r\n${args.map((arg) => `$${latin1(arg).length}\r\n${arg}\r\n`).join('')}`);
}

async function infoFields(connection: RawConnection): Promise<Map<string, string>> {
  await connection.write(encodeCommand(['INFO']));
  const { bytes } = await connection.replies(1, REPLY_TIMEOUT_MS);
  const fields = new Map<string, string>();
  for (const line of bytes.toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

async function exchange(connection: RawConnection, command: Buffer): Promise<{ bytes: Buffer; complete: boolean }> {
  await connection.write(command);
  return connection.replies(1, REPLY_TIMEOUT_MS);
}

async function runStep(step: Step, connection: RawConnection, baseline: Map<string, string>): Promise<StepOutcome> {
  const outcome: StepOutcome = { observed: '', closed: null, complete: true, inRange: null };
  if (Array.isArray(step)) {
    const { bytes, complete } = await exchange(connection, encodeCommand(step));
    return { ...outcome, observed: bytes.toString('latin1'), complete };
  }
  if ('sleep' in step) {
    await sleep(step.sleep);
    return outcome;
  }
  if ('range' in step) {
    const { bytes, complete } = await exchange(connection, encodeCommand(step.send));
    const text = bytes.toString('latin1');
    const match = /^:(-?\d+)\r\n$/.exec(text);
    const value = match ? Number(match[1]) : NaN;
    return { ...outcome, observed: text, complete, inRange: value >= step.range[0] && value <= step.range[1] };
  }
  if ('info' in step) {
    const fields = await infoFields(connection);
    const summary = step.info.map((name) => {
      if (name === 'db0') return `db0=${(fields.get('db0') ?? 'absent').replace(/,avg_ttl=\d+/, '')}`;
      return `${name}+${Number(fields.get(name)) - Number(baseline.get(name))}`;
    });
    return { ...outcome, observed: summary.join(' ') };
  }
  const writes = (step.chunks ?? [(step.raw ?? '').repeat(step.times ?? 1)]).map(latin1);
  for (const [index, write] of writes.entries()) {
    if (index > 0) await sleep(CHUNK_PAUSE_MS);
    await connection.write(write);
  }
  let closed: boolean | null = null;
  if (step.closes === true) closed = await connection.closes(CLOSE_TIMEOUT_MS);
  // "replies": 0 means "expect silence": give the server time to answer anyway.
  if (step.replies === 0 && step.closes !== true) await sleep(SILENCE_MS);
  const { bytes, complete } = step.replies === 0 ? connection.rest() : await connection.replies(step.replies, REPLY_TIMEOUT_MS);
  // Anything beyond the expected replies (sent before a close) is part of what is compared.
  const extra = step.closes === true ? connection.rest().bytes : Buffer.alloc(0);
  if (step.closes === false) closed = connection.isClosed;
  return { ...outcome, observed: Buffer.concat([bytes, extra]).toString('latin1'), complete, closed };
}

/** Empties the server, takes an INFO baseline, then plays the steps on a new connection. */
export async function runSequence(port: number, sequence: Sequence): Promise<StepOutcome[]> {
  const setup = await RawConnection.open(port);
  await setup.write(encodeCommand(['FLUSHALL']));
  await setup.replies(1, REPLY_TIMEOUT_MS);
  const baseline = await infoFields(setup);
  setup.close();
  const connection = await RawConnection.open(port);
  try {
    const outcomes: StepOutcome[] = [];
    for (const step of sequence.steps) outcomes.push(await runStep(step, connection, baseline));
    return outcomes;
  } finally {
    connection.close();
  }
}
