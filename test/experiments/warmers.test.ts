import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { TAG_WARMER } from '../../src/experiments/recorder.ts';
import { type Call, Outcome } from '../../src/platform/call.ts';
import { PING_MS } from '../../src/platform/invoker.ts';
import { buildWorld } from '../../src/platform/world.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { exponential } from '../../src/random/distributions/exponential.ts';
import { lognormalFromQuantiles } from '../../src/random/distributions/lognormalFromQuantiles.ts';
import { createStream } from '../../src/random/streams.ts';
import { barePlatform, INSIDE } from '../support/platformWorld.ts';
import { checkCall } from '../workload/graph/graphWorld.ts';
import { platformModel, run } from './experimentHelpers.ts';

const MINUTE = 60_000;

describe('warmers keep K instances when their period is under the keep-alive', () => {
  it('on the pool: after the first round, never fewer than K instances', () => {
    const K = 5;
    const period = 5 * MINUTE;
    const sim = new Simulation();
    const ended: Call[] = [];
    let alive = 0;
    let minAlive = Infinity;
    const firstReady = 2_000;
    const world = buildWorld(sim, {
      client: INSIDE,
      functions: [
        {
          name: 'f',
          // The router's decision time is random (median 16 ms, p99 50 ms): the pings of a
          // round reach the pool at different moments, far apart compared with a ping's run.
          platform: barePlatform({
            network: lognormalFromQuantiles(0.5, 1, 0.99, 3),
            frontEnd: lognormalFromQuantiles(0.5, 16, 0.99, 50),
            coldStart: [constant(250)],
            keepAlive: constant(10 * MINUTE),
          }),
          execution: exponential(30),
          timeout: Infinity,
          memoryMB: 128,
        },
      ],
      seed: 'warmers',
      sink: { ended: (c) => ended.push(c) },
      observe: () => ({
        observer: {
          levels: (_at, t, starting, busy, idle) => {
            alive = starting + busy + idle;
            if (t >= firstReady && alive < minAlive) minAlive = alive;
          },
        },
        at: 0,
      }),
    });
    const f = world.functions.get('f')!;
    const end = 120 * MINUTE;
    for (let t = 0; t < end; t += period) {
      sim.scheduleAt(
        t,
        () => {
          for (let i = 0; i < K; i++) world.invoker.invoke(f, null, false, TAG_WARMER, true);
        },
        null,
      );
    }
    // Light real traffic between the rounds, which takes the most recently used instance.
    const rng = createStream('warmers', 'traffic');
    for (let t = 0; t < end; t += -Math.log(1 - rng()) * 20_000) {
      sim.scheduleAt(t, () => world.invoker.invoke(f, null, false, 0), null);
    }
    sim.run({ until: end });
    expect(minAlive).toBeGreaterThanOrEqual(K);
    const pings = ended.filter((c) => c.ping);
    expect(pings.length).toBe(K * (end / period));
    // The first round starts K instances; no later ping meets a cold start.
    expect(f.pool.coldStarts).toBeGreaterThanOrEqual(K);
    expect(pings.filter((c) => c.cold && c.start > 0).length).toBe(0);
    for (const c of ended) {
      expect(c.outcome).toBe(Outcome.Completed);
      checkCall(c);
    }
  });

  it('through an experiment on a preset: the timeline stays at K or more', () => {
    const K = 5;
    const [p] = run({
      duration: '60min',
      replications: 2,
      platform: 'aws-lambda-2019',
      workload: { poisson: { perSecond: 0.02 } },
      warmers: { period: '5min', instances: K },
      timeline: { window: '1min' },
    });
    const t = p.timeline!;
    const alive = t.idle.map((idle, w) => idle + t.busy[w] + t.starting[w]);
    // The first minute includes the first round's cold starts.
    for (const level of alive.slice(1)) expect(level).toBeGreaterThanOrEqual(K - 1e-9);
    expect(p.warmers!.calls).toBe(2 * K * 12);
    // Only the first round's pings can be cold (some of them: a ping waiting for its instance
    // takes an instance that another ping has already freed).
    expect(p.warmers!.cold).toBeGreaterThan(0);
    expect(p.warmers!.cold).toBeLessThanOrEqual(2 * K);
  });
});

describe("warmers' pings are not traffic, but they are paid for", () => {
  const price = { perMillionRequests: 0.2, perGBSecond: 0.0000166667 };
  const K = 3;
  const common = {
    duration: '30min',
    warmup: '2min',
    replications: 2,
    platform: platformModel({
      network: '1ms',
      scheduler: '2ms',
      coldStart: { sandbox: '300ms' },
      keepAlive: '10min',
      price,
    }),
    function: { execution: '10ms', memoryMB: 256 },
    warmers: { period: '4min', instances: K },
  };
  // Rounds at 0, 4, ..., 28 min; those after the 2-minute warm-up: 4, 8, ..., 28.
  const rounds = 7;
  const pingUsd =
    price.perMillionRequests / 1e6 + (PING_MS / 1000) * (256 / 1024) * price.perGBSecond;

  it('with no traffic: no root calls, and the whole cost is the warmers', () => {
    const [p] = run({ ...common, workload: { poisson: { perSecond: 0 } } });
    expect(p.calls.arrivals).toBe(0);
    expect(p.endToEnd.count).toBe(0);
    expect(p.warmers!.calls).toBe(2 * K * rounds);
    expect(p.warmers!.cold).toBe(0);
    // Per replication: K pings a round, each billed PING_MS (the round's pings arrive together).
    expect(p.cost.requests).toBe(K * rounds);
    expect(p.warmers!.usd).toBeCloseTo(K * rounds * pingUsd, 15);
    expect(p.cost.usd).toBeCloseTo(p.warmers!.usd, 15);
  });

  it('with traffic: pings are kept out of the latencies and added to the cost', () => {
    const withWarmers = run({ ...common, workload: { constant: { perSecond: 2 } } })[0];
    const { warmers: _, ...noWarmers } = common;
    const without = run({ ...noWarmers, workload: { constant: { perSecond: 2 } } })[0];
    for (const p of [withWarmers, without]) {
      expect(p.calls.arrivals).toBe(2 * 2 * 28 * 60);
      expect(p.endToEnd.count).toBe(p.calls.completed);
    }
    // Every root is warm and takes the same time either way: the pings are not in endToEnd.
    expect(withWarmers.endToEnd.max).toBe(2 * 1 + 2 + 10);
    expect(withWarmers.endToEnd.mean.value).toBe(2 * 1 + 2 + 10);
    expect(withWarmers.cost.requests - without.cost.requests).toBe(K * rounds);
    expect(withWarmers.cost.usd - without.cost.usd).toBeCloseTo(withWarmers.warmers!.usd, 12);
    expect(withWarmers.warmers!.usd).toBeGreaterThan(0);
  });
});

describe('warmers.functions: which functions of the graph are pinged', () => {
  // A chain f1 -> f2. Roots every 120 s outlive the 60 s keep-alive; pings every 50 s do
  // not, and in the measured window (100-590 s) they never coincide with a root (120,
  // 240, 360, 480 s), so a pinged function is always warm and an unpinged one always cold.
  const point = (functions?: unknown) =>
    run({
      duration: '590s',
      warmup: '100s',
      replications: 1,
      platform: platformModel({ coldStart: { sandbox: '300ms' }, keepAlive: '60s' }),
      function: { execution: '10ms' },
      graph: { chain: { depth: 2 } },
      workload: { constant: { perSecond: 1 / 120 } },
      warmers: { period: '50s', ...(functions === undefined ? {} : { functions }) },
    })[0];

  it('by default only the entry function: every root meets a cold f2', () => {
    const p = point();
    expect(p.calls.completed).toBe(4);
    expect(p.cold.hopsCold).toEqual([0, 4]);
  });

  it('"all", or every name: no root meets a cold start; each function gets its pings', () => {
    const all = point('all');
    expect(all.cold.hopsCold).toEqual([4]);
    expect(all.warmers!.calls).toBe(2 * point().warmers!.calls);
    expect(point(['f2', 'f1'])).toEqual(all);
  });

  it('one function named: that one stays warm, the other does not', () => {
    expect(point(['f2']).cold.hopsCold).toEqual([0, 4]);
    expect(point(['f2']).cold.coldStarts).toBe(4);
    expect(point(['f1']).cold.coldStarts).toBe(4);
  });
});
