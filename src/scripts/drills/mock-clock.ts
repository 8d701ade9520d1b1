// The mock interview's countdown: a visible mm:ss that ticks each second and one deadline.
// It reads Date.now(), so a test can drive it with Playwright's clock instead of waiting.

export function formatRemaining(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export class MockClock {
  readonly #deadline: number;
  readonly #tick: number;
  readonly #end: number;

  constructor(minutes: number, display: HTMLElement, onTimeUp: () => void) {
    this.#deadline = Date.now() + minutes * 60_000;
    const show = () => {
      display.textContent = formatRemaining(this.#deadline - Date.now());
    };
    show();
    this.#tick = window.setInterval(show, 1000);
    this.#end = window.setTimeout(() => {
      this.stop();
      display.textContent = '0:00';
      onTimeUp();
    }, minutes * 60_000);
  }

  stop(): void {
    window.clearInterval(this.#tick);
    window.clearTimeout(this.#end);
  }
}
