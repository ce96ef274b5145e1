import { Simulation } from '../../src/engine/index.ts';
import { type Call, Outcome } from '../../src/platform/call.ts';
import type { ClientConfig, PlatformConfig } from '../../src/platform/config.ts';
import { stageSum } from '../../src/platform/invoker.ts';
import { EXACT_BILLING } from '../../src/platform/memory.ts';
import { buildWorld, type World, type WorldOptions } from '../../src/platform/world.ts';
import type { Distribution } from '../../src/random/distribution.ts';
import { constant } from '../../src/random/distributions/constant.ts';

/** A platform with no delays anywhere but what a test sets. */
export function barePlatform(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return {
    name: 'bare',
    gateway: null,
    network: constant(0),
    frontEnd: constant(0),
    routing: 'mru',
    coldStart: [constant(0)],
    coldStartCpuBound: [false],
    keepAlive: constant(600_000),
    concurrencyPerInstance: 1,
    maxConcurrency: Infinity,
    onLimit: 'throttle',
    maxQueueWait: Infinity,
    burst: null,
    provisioned: 0,
    cluster: null,
    processorSharing: null,
    binding: 'early',
    limitScope: 'function',
    price: { perMillionRequests: 0.2, perGBSecond: 0.0000166667 },
    billing: EXACT_BILLING,
    memory: null,
    ...overrides,
  };
}

export const INSIDE: ClientConfig = {
  name: 'inside',
  internet: null,
  lossProbability: 0,
  retransmitTimeout: 0,
};

export interface TestWorld extends World {
  sim: Simulation;
  ended: Call[];
  /** Sends a root call to function `name` at time `at`. */
  callAt(at: number, name?: string): void;
  /** Every level a pool reported, with its function's name. */
  levels: { t: number; fn: string; starting: number; busy: number; idle: number }[];
}

export function testWorld(
  platform: PlatformConfig,
  execution: Distribution,
  options: {
    client?: ClientConfig;
    seed?: string;
    timeout?: number;
    names?: string[];
    policies?: WorldOptions['policies'];
    /** Probability that a call crashes its instance. */
    crashProbability?: number;
  } = {},
): TestWorld {
  const sim = new Simulation();
  const ended: Call[] = [];
  const levels: TestWorld['levels'] = [];
  const names = options.names ?? ['f'];
  const world = buildWorld(sim, {
    client: options.client ?? INSIDE,
    functions: names.map((name) => ({
      name,
      platform,
      execution,
      timeout: options.timeout ?? Infinity,
      memoryMB: 128,
      crashProbability: options.crashProbability,
    })),
    seed: options.seed ?? 'test',
    sink: { ended: (c) => ended.push(c) },
    policies: options.policies,
    observe: (fn) => ({
      observer: {
        levels: (_at, t, starting, busy, idle) =>
          levels.push({ t, fn: fn.name, starting, busy, idle }),
      },
      at: 0,
    }),
  });
  const external = (options.client ?? INSIDE).internet !== null;
  return {
    ...world,
    sim,
    ended,
    levels,
    callAt(at, name = names[0]) {
      sim.scheduleAt(
        at,
        () => world.invoker.invoke(world.functions.get(name)!, null, external, 0),
        null,
      );
    },
  };
}

/** Checks the invariants every finished call must keep; returns counts by outcome. */
export function checkCalls(calls: Call[]): Record<string, number> {
  const counts: Record<string, number> = { completed: 0, throttled: 0, timedOut: 0 };
  for (const c of calls) {
    if (c.outcome === Outcome.Completed) counts.completed++;
    else if (c.outcome === Outcome.Throttled) counts.throttled++;
    else if (c.outcome === Outcome.TimedOut) counts.timedOut++;
    else if (c.outcome === Outcome.Crashed) counts.crashed = (counts.crashed ?? 0) + 1;
    else throw new Error(`call ended in flight: ${c.outcome}`);
    const latency = c.end - c.start;
    if (!(latency >= 0) || !Number.isFinite(latency)) throw new Error(`bad latency ${latency}`);
    const sum = stageSum(c);
    if (Math.abs(sum - latency) > 1e-9 * Math.max(1, latency)) {
      throw new Error(`stages sum to ${sum}, latency is ${latency}`);
    }
  }
  return counts;
}
