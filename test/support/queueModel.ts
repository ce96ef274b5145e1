import { Simulation } from '../../src/engine/index.ts';

/**
 * A G/G/c FIFO queue written on the engine's fast path: two handlers made once,
 * a ring buffer of waiting arrival times, no allocation per customer. Used by
 * the engine's tests against queueing theory and by the benchmark; the engine
 * itself knows nothing of queues.
 */
export interface QueueOptions {
  servers: number;
  /** Draws one inter-arrival time. */
  interarrival: () => number;
  /** Draws one service time. */
  service: () => number;
  /** Customers to serve; the run ends when the last one leaves. */
  customers: number;
  /** Customers at the start whose waits are not counted (the queue starts empty). */
  warmup?: number;
  /** Keep every counted customer's wait and time in system. */
  keepSamples?: boolean;
}

export interface QueueResult {
  served: number;
  counted: number;
  meanWait: number;
  meanSojourn: number;
  /** Share of counted customers who waited at all. */
  probWait: number;
  events: number;
  waits?: Float64Array;
  sojourns?: Float64Array;
}

export function runQueue(options: QueueOptions): QueueResult {
  const { servers, interarrival, service, customers } = options;
  const warmup = options.warmup ?? 0;
  const sim = new Simulation();
  let ring = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let counted = 0;
  let waited = 0;
  let sumWait = 0;
  let sumSojourn = 0;
  const keep = options.keepSamples === true;
  const waits = keep ? new Float64Array(customers - warmup) : undefined;
  const sojourns = keep ? new Float64Array(customers - warmup) : undefined;
  // FIFO: customers start service in arrival order, so a counter of starts
  // identifies each one without storing indices in the ring.
  let started = 0;
  const begin = (arrivalTime: number): void => {
    const index = started++;
    const wait = sim.now - arrivalTime;
    const s = service();
    if (index >= warmup) {
      counted++;
      sumWait += wait;
      sumSojourn += wait + s;
      if (wait > 0) waited++;
      if (waits && sojourns) {
        waits[index - warmup] = wait;
        sojourns[index - warmup] = wait + s;
      }
    }
    sim.schedule(s, depart, null);
  };
  const depart = (_: null): void => {
    served++;
    if (length > 0) {
      const t = ring[head];
      head = (head + 1) & (ring.length - 1);
      length--;
      begin(t);
    } else {
      busy--;
    }
  };
  const arrive = (_: null): void => {
    arrived++;
    if (arrived < customers) sim.schedule(interarrival(), arrive, null);
    if (busy < servers) {
      busy++;
      begin(sim.now);
    } else {
      if (length === ring.length) {
        const bigger = new Float64Array(ring.length * 2);
        for (let i = 0; i < length; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
        ring = bigger;
        head = 0;
      }
      ring[(head + length) & (ring.length - 1)] = sim.now;
      length++;
    }
  };
  sim.schedule(interarrival(), arrive, null);
  sim.run();
  return {
    served,
    counted,
    meanWait: sumWait / counted,
    meanSojourn: sumSojourn / counted,
    probWait: waited / counted,
    events: sim.processed,
    waits,
    sojourns,
  };
}
