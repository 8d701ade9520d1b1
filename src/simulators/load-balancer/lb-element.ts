// <lb-simulator>: runs the load-balancer simulation in (scaled) real time or a second at a
// time, applies the form's settings as they change, and announces health changes.
import { readForm } from '../shared/form-fields.ts';
import { healthFields, serverNames, weightFields, workloadFields } from './fields.ts';
import { logEvents, renderSimulation } from './lb-render.ts';
import { algorithms, type Algorithm } from './pickers.ts';
import { LoadBalancerSimulation, type LbEvent } from './simulation.ts';

const announced = new Set<LbEvent['kind']>(['stopped', 'started', 'removed', 'readmitted']);

class LbSimulator extends HTMLElement {
  private sim!: LoadBalancerSimulation;
  private running = false;
  private lastFrame = 0;
  private lastRender = 0;

  connectedCallback(): void {
    this.sim = this.create();
    this.querySelectorAll<HTMLButtonElement>('button').forEach((button) => (button.disabled = false));
    const form = this.querySelector('form');
    form?.addEventListener('change', () => this.applySettings());
    form?.addEventListener('input', () => this.applySettings());
    form?.addEventListener('submit', (event) => event.preventDefault());
    this.querySelector('[data-run]')?.addEventListener('click', () => this.toggleRun());
    this.querySelector('[data-step]')?.addEventListener('click', () => this.advance(1000));
    this.querySelector('[data-reset]')?.addEventListener('click', () => this.reset());
    this.querySelectorAll<HTMLButtonElement>('[data-toggle]').forEach((button) =>
      button.addEventListener('click', () => {
        const index = Number(button.dataset.toggle);
        this.report([this.sim.setRunning(index, !this.sim.servers[index]!.running)]);
        renderSimulation(this, this.sim);
      }),
    );
    renderSimulation(this, this.sim);
  }

  disconnectedCallback(): void {
    this.running = false;
  }

  private algorithm(): Algorithm {
    const value = this.querySelector<HTMLSelectElement>('select[name="algorithm"]')?.value;
    return algorithms.find((algorithm) => algorithm === value) ?? 'round-robin';
  }

  private slowdown(index: number): number {
    return Number(this.querySelector<HTMLSelectElement>(`select[name="slowdown${index}"]`)?.value ?? 1);
  }

  private create(): LoadBalancerSimulation {
    const workload = readForm(this, workloadFields);
    const health = readForm(this, healthFields);
    const weights = readForm(this, weightFields);
    return new LoadBalancerSimulation({
      algorithm: this.algorithm(),
      servers: serverNames.map((name, index) => ({ name, weight: weights?.[`weight${index}`] ?? 1, slowdown: this.slowdown(index) })),
      workload: {
        arrivalsPerSecond: workload?.arrivalsPerSecond ?? 10,
        fastMs: workload?.fastMs ?? 200,
        slowMs: workload?.slowMs ?? 3000,
        slowPercent: workload?.slowPercent ?? 10,
      },
      health: { intervalSeconds: health?.intervalSeconds ?? 10, fall: health?.fall ?? 3, rise: health?.rise ?? 2 },
      seed: 1,
    });
  }

  private applySettings(): void {
    this.sim.setAlgorithm(this.algorithm());
    const weights = readForm(this, weightFields);
    serverNames.forEach((_, index) => {
      if (weights) this.sim.setWeight(index, weights[`weight${index}`]);
      this.sim.setSlowdown(index, this.slowdown(index));
    });
    const workload = readForm(this, workloadFields);
    if (workload) this.sim.setWorkload({ arrivalsPerSecond: workload.arrivalsPerSecond, fastMs: workload.fastMs, slowMs: workload.slowMs, slowPercent: workload.slowPercent });
    const health = readForm(this, healthFields);
    const current = this.sim.settings.health;
    if (health && (health.intervalSeconds !== current.intervalSeconds || health.fall !== current.fall || health.rise !== current.rise)) {
      this.sim.setHealth({ intervalSeconds: health.intervalSeconds, fall: health.fall, rise: health.rise });
    }
  }

  private toggleRun(): void {
    this.running = !this.running;
    const button = this.querySelector('[data-run]');
    if (button) button.textContent = this.running ? 'Pause' : 'Run';
    if (this.running) {
      this.lastFrame = performance.now();
      requestAnimationFrame(this.frame);
    }
  }

  private readonly frame = (now: number): void => {
    if (!this.running || !this.isConnected) return;
    const speed = Number(this.querySelector<HTMLSelectElement>('[data-speed]')?.value ?? 1);
    // A background tab pauses frames; never jump more than a quarter second of real time.
    const elapsed = Math.min(250, now - this.lastFrame);
    this.lastFrame = now;
    this.report(this.sim.advance(elapsed * speed));
    if (now - this.lastRender > 100) {
      this.lastRender = now;
      renderSimulation(this, this.sim);
    }
    requestAnimationFrame(this.frame);
  };

  private advance(ms: number): void {
    this.report(this.sim.advance(ms));
    renderSimulation(this, this.sim);
  }

  private reset(): void {
    if (this.running) this.toggleRun();
    this.sim = this.create();
    this.querySelector('[data-log]')?.replaceChildren();
    const status = this.querySelector('[data-announce]');
    if (status) status.textContent = 'Reset to time 0:00 with the settings above.';
    renderSimulation(this, this.sim);
  }

  private report(events: LbEvent[]): void {
    if (events.length === 0) return;
    logEvents(this, events);
    const important = events.filter((event) => announced.has(event.kind)).at(-1);
    const status = this.querySelector('[data-announce]');
    if (important && status) status.textContent = important.text;
  }
}

customElements.define('lb-simulator', LbSimulator);
