// The countdown the ASGI part streams, as the lab's instructions define it: from N down to 1,
// then "liftoff", one line every 0.2 s.
export const countdownPauseMs = 200;

export function expectedCountdown(from: number): string {
  const lines: string[] = [];
  for (let number = from; number >= 1; number -= 1) lines.push(`${number}\n`);
  return `${lines.join('')}liftoff\n`;
}
