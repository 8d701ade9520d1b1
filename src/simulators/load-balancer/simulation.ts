// A load balancer in simulated time: requests arrive, the chosen algorithm picks a server,
// servers work on them for their duration, and active health checks take stopped servers out
// of rotation and bring restarted ones back. No DOM here; the island renders snapshots.
import { applyCheck, type HealthSettings } from './health.ts';
import { pickServer, type Algorithm, type Peer, type RandomInt } from './pickers.ts';
import { clientAddresses, seededRandom, type Workload } from './workload.ts';

export interface ServerSpec {
  name: string;
  weight: number;
  /** Multiplies every request's duration on this server: 1 is normal, 3 is a struggling host. */
  slowdown: number;
}

export interface LbSettings {
  algorithm: Algorithm;
  servers: ServerSpec[];
  workload: Workload;
  health: HealthSettings;
  seed: number;
}

export interface ServerState {
  name: string;
  slowdown: number;
  /** The process answers; stopping it makes checks and requests fail. */
  running: boolean;
  inRotation: boolean;
  streak: number;
  /** Requests the balancer sent here, whatever became of them. */
  received: number;
  served: number;
  failed: number;
  /** The last few check results, newest last. */
  checks: boolean[];
}

export interface Assignment {
  /** -1 when no server was in rotation (the balancer answers 503). */
  server: number;
  failed: boolean;
}

export type LbEventKind = 'stopped' | 'started' | 'check' | 'removed' | 'readmitted';

export interface LbEvent {
  time: number;
  server: number;
  kind: LbEventKind;
  text: string;
}

interface InFlight {
  server: number;
  endsAt: number;
  duration: number;
}

const keptChecks = 5;
const keptAssignments = 20;

export class LoadBalancerSimulation {
  time = 0;
  readonly peers: Peer[];
  readonly servers: ServerState[];
  readonly recent: Assignment[] = [];
  noServer = 0;
  settings: LbSettings;
  private readonly random: RandomInt;
  private inFlight: InFlight[] = [];
  private nextArrival: number;
  private nextCheck: number;

  constructor(settings: LbSettings) {
    this.settings = settings;
    this.random = seededRandom(settings.seed);
    this.peers = settings.servers.map((server) => ({ weight: server.weight, available: true, active: 0, currentWeight: 0, averageMs: 0 }));
    this.servers = settings.servers.map((server) => ({ name: server.name, slowdown: server.slowdown, running: true, inRotation: true, streak: 0, received: 0, served: 0, failed: 0, checks: [] }));
    this.nextArrival = 1000 / settings.workload.arrivalsPerSecond;
    this.nextCheck = settings.health.intervalSeconds * 1000;
  }

  setWeight(server: number, weight: number): void {
    this.peers[server]!.weight = weight;
  }

  setSlowdown(server: number, slowdown: number): void {
    this.servers[server]!.slowdown = slowdown;
  }

  setWorkload(workload: Workload): void {
    this.settings = { ...this.settings, workload };
    this.nextArrival = Math.min(this.nextArrival, this.time + 1000 / workload.arrivalsPerSecond);
  }

  setHealth(health: HealthSettings): void {
    this.settings = { ...this.settings, health };
    this.nextCheck = this.time + health.intervalSeconds * 1000;
  }

  setAlgorithm(algorithm: Algorithm): void {
    this.settings = { ...this.settings, algorithm };
  }

  /** Stops or restarts a server's process. Requests in progress on a stopped server fail. */
  setRunning(server: number, running: boolean): LbEvent {
    const state = this.servers[server]!;
    state.running = running;
    if (!running) {
      const lost = this.inFlight.filter((request) => request.server === server).length;
      this.inFlight = this.inFlight.filter((request) => request.server !== server);
      state.failed += lost;
      this.peers[server]!.active = 0;
      return { time: this.time, server, kind: 'stopped', text: `${state.name} stopped; ${lost} requests in progress failed. It stays in rotation until ${this.settings.health.fall} checks in a row fail.` };
    }
    return { time: this.time, server, kind: 'started', text: `${state.name} started; it returns to rotation after ${this.settings.health.rise} checks in a row pass.` };
  }

  /** Runs the simulation forward, returning what happened on the way. */
  advance(ms: number): LbEvent[] {
    const events: LbEvent[] = [];
    const end = this.time + ms;
    for (;;) {
      const done = this.inFlight.reduce((soonest, request) => Math.min(soonest, request.endsAt), Infinity);
      const next = Math.min(done, this.nextCheck, this.nextArrival);
      if (next > end) break;
      this.time = next;
      if (done === next) this.complete();
      else if (this.nextCheck === next) this.check(events);
      else this.arrive();
    }
    this.time = end;
    return events;
  }

  private complete(): void {
    const index = this.inFlight.findIndex((request) => request.endsAt === this.time);
    const [request] = this.inFlight.splice(index, 1);
    const peer = this.peers[request!.server]!;
    peer.active -= 1;
    peer.averageMs = peer.averageMs === 0 ? request!.duration : peer.averageMs * 0.7 + request!.duration * 0.3;
    this.servers[request!.server]!.served += 1;
  }

  private arrive(): void {
    const { workload, algorithm } = this.settings;
    this.nextArrival += 1000 / workload.arrivalsPerSecond;
    const client = clientAddresses[this.random(clientAddresses.length)]!;
    const slow = this.random(100) < workload.slowPercent;
    const server = pickServer(algorithm, this.peers, client, this.random);
    const failed = server === -1 || !this.servers[server]!.running;
    this.recent.push({ server, failed });
    if (this.recent.length > keptAssignments) this.recent.shift();
    if (server === -1) {
      this.noServer += 1;
      return;
    }
    this.servers[server]!.received += 1;
    if (failed) this.servers[server]!.failed += 1;
    else {
      const duration = (slow ? workload.slowMs : workload.fastMs) * this.servers[server]!.slowdown;
      this.peers[server]!.active += 1;
      this.inFlight.push({ server, endsAt: this.time + duration, duration });
    }
  }

  private check(events: LbEvent[]): void {
    const health = this.settings.health;
    this.nextCheck += health.intervalSeconds * 1000;
    this.servers.forEach((server, index) => {
      const passed = server.running;
      const { state, change } = applyCheck(server, passed, health);
      server.checks.push(passed);
      if (server.checks.length > keptChecks) server.checks.shift();
      if (change === 'removed') events.push({ time: this.time, server: index, kind: 'removed', text: `${server.name} failed ${health.fall} checks in a row: out of rotation.` });
      else if (change === 'readmitted') events.push({ time: this.time, server: index, kind: 'readmitted', text: `${server.name} passed ${health.rise} checks in a row: back in rotation.` });
      else if (state.streak > 0) {
        const threshold = server.inRotation ? health.fall : health.rise;
        events.push({ time: this.time, server: index, kind: 'check', text: `${server.name} ${passed ? 'passed' : 'failed'} check ${state.streak} of ${threshold}.` });
      }
      server.inRotation = state.inRotation;
      server.streak = state.streak;
      this.peers[index]!.available = state.inRotation;
    });
  }
}
