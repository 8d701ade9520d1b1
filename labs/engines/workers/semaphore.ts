// A first-come first-served counting semaphore: the thread pool of a gthread worker (size
// `threads`), the interpreter lock of a worker (size 1) and, in the master, the box's cores.

export class Semaphore<Holder = undefined> {
  private free: number;
  private readonly waiting: Array<{ holder: Holder; grant: () => void }> = [];

  constructor(size: number) {
    this.free = size;
  }

  get available(): number {
    return this.free;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when a slot is held; slots go to waiters in arrival order. */
  acquire(holder: Holder = undefined as Holder): Promise<void> {
    return new Promise((grant) => {
      if (this.free > 0) {
        this.free--;
        grant();
      } else {
        this.waiting.push({ holder, grant });
      }
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.free++;
  }

  /** Forgets the waiters of one holder (a worker that died while queued for a core). */
  dropWaiters(holder: Holder): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.holder === holder) this.waiting.splice(i, 1);
  }
}
