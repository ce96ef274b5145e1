import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { type Call, STAGES } from '../../src/platform/call.ts';
import type { PlatformConfig } from '../../src/platform/config.ts';
import { buildWorld } from '../../src/platform/world.ts';
import type { Distribution } from '../../src/random/distribution.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { exponential } from '../../src/random/distributions/index.ts';
import { createStream } from '../../src/random/streams.ts';
import { PoissonArrivals } from '../../src/workload/arrivals/poissonArrivals.ts';
import { driveArrivals } from '../../src/workload/driveArrivals.ts';
import { barePlatform, INSIDE } from '../support/platformWorld.ts';

/** What a sink can read of a call as it ends. */
function snapshot(call: Call): Record<string, unknown> {
  const s: Record<string, unknown> = {
    start: call.start,
    end: call.end,
    outcome: call.outcome,
    cold: call.cold,
    coldHops: call.coldHops,
    billed: call.billed,
  };
  for (const stage of STAGES) s[stage] = call[stage];
  return s;
}

interface Run {
  snapshots: Record<string, unknown>[];
  /** Distinct call objects the sink saw. */
  objects: number;
  /** Calls the sink saw again after they had waited in a queue (must be none). */
  waitedThenSeenAgain: number;
}

function run(platform: PlatformConfig, execution: Distribution, reuseCalls: boolean): Run {
  const sim = new Simulation();
  const snapshots: Record<string, unknown>[] = [];
  const seen = new Set<Call>();
  const waited = new Set<Call>();
  let waitedThenSeenAgain = 0;
  const world = buildWorld(sim, {
    client: INSIDE,
    functions: [{ name: 'f', platform, execution, timeout: 900, memoryMB: 128 }],
    seed: 'reuse',
    sink: {
      ended(call) {
        if (waited.has(call)) waitedThenSeenAgain++;
        if (call.waited) waited.add(call);
        seen.add(call);
        snapshots.push(snapshot(call));
      },
    },
    reuseCalls,
  });
  const f = world.functions.get('f')!;
  const arrivals = new PoissonArrivals(40, createStream('reuse', 'arrivals'));
  driveArrivals(sim, arrivals, 60_000, () => world.invoker.invoke(f, null, false, 0));
  sim.run({});
  return { snapshots, objects: seen.size, waitedThenSeenAgain };
}

describe('Invoker reusing ended calls', () => {
  // Poisson 40/s with a mean execution of 250 ms keeps about 10 calls running: limits of
  // 8 make calls throttle or queue, and an execution past the 900 ms timeout times out.
  const cases: [string, Partial<PlatformConfig>][] = [
    ['throttled at the limit', { maxConcurrency: 8 }],
    [
      'queued at the limit, some giving up',
      { maxConcurrency: 8, onLimit: 'queue', maxQueueWait: 200 },
    ],
    ['cold starts and short keep-alive', { coldStart: [constant(300)], keepAlive: constant(500) }],
  ];

  for (const [name, overrides] of cases) {
    it(`gives every call the same times and outcome as fresh calls: ${name}`, () => {
      const platform = barePlatform({ network: constant(2), ...overrides });
      const execution = exponential(250);
      const fresh = run(platform, execution, false);
      const reused = run(platform, execution, true);
      expect(fresh.snapshots.length).toBeGreaterThan(2_000);
      expect(reused.snapshots).toEqual(fresh.snapshots);
      expect(fresh.objects).toBe(fresh.snapshots.length);
      // Calls that waited in the queue are never reused; the others are, so that
      // without a queue only about as many objects exist as calls are in flight.
      const waited = fresh.snapshots.filter((s) => (s.queue as number) > 0).length;
      expect(reused.objects).toBeLessThan(fresh.objects);
      if (waited === 0) expect(reused.objects).toBeLessThan(fresh.objects / 5);
      expect(reused.waitedThenSeenAgain).toBe(0);
    });
  }

  it('never reuses a call that waited in a queue (the queue may still hold it)', () => {
    const platform = barePlatform({ maxConcurrency: 8, onLimit: 'queue', maxQueueWait: 200 });
    const reused = run(platform, exponential(250), true);
    const waited = reused.snapshots.filter((s) => (s.queue as number) > 0).length;
    expect(waited).toBeGreaterThan(100);
    expect(reused.waitedThenSeenAgain).toBe(0);
  });
});
