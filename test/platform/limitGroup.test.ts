import { describe, expect, it } from 'vitest';
import type { PlatformConfig } from '../../src/platform/config.ts';
import type { LimitGroup } from '../../src/platform/limitGroup.ts';
import { KPA_DEFAULTS } from '../../src/platform/scaling/index.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { exponential } from '../../src/random/distributions/exponential.ts';
import { createStream } from '../../src/random/streams.ts';
import { barePlatform, checkCalls, testWorld } from '../support/platformWorld.ts';

/**
 * A platform drawn at random from the settings that change the counts a LimitGroup sums:
 * queueing or throttling at the limit, queue timeouts, burst tokens (waiting or throttled),
 * several calls per instance, late binding, a cluster that makes starts wait for a slot,
 * Knative's autoscaler (which scales down, retiring instances and dropping wanted starts),
 * crashing calls and failing hosts (which end calls at once and replace provisioned instances),
 * a queue per instance (calls wait where they were routed) and billing per instance time.
 */
function drawPlatform(rng: () => number, limitScope: 'function' | 'account'): PlatformConfig {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const conc = int(1, 3);
  const kpa = rng() < 0.25;
  const provisioned = int(0, 1);
  return barePlatform({
    limitScope,
    maxConcurrency: int(1, 8),
    onLimit: pick(['queue', 'throttle'] as const),
    maxQueueWait: pick([Infinity, 50, 300]),
    burst:
      rng() < 0.5
        ? null
        : {
            initial: int(1, 3),
            perSecond: int(1, 10),
            whenEmpty: pick(['wait', 'throttle'] as const),
          },
    concurrencyPerInstance: conc,
    binding: kpa ? 'late' : pick(['early', 'late'] as const),
    routing: pick(['mru', 'lru'] as const),
    keepAlive: pick([null, constant(50), constant(400), constant(3000)]),
    provisioned,
    cluster:
      rng() < 0.3
        ? {
            hosts: 1,
            // Room for every function's provisioned instance (up to six), as experiments check.
            slotsPerHost: int(2, 6) + 6 * provisioned,
            evictIdle: rng() < 0.5,
            ...(rng() < 0.5 ? { meanTimeBetweenFailures: 200 + rng() * 2000 } : {}),
          }
        : null,
    coldStart: [constant(int(10, 300))],
    queueing:
      rng() < 0.3
        ? { policy: 'perInstance' as const, pick: pick(['leastLoaded', 'random'] as const) }
        : { policy: 'perFunction' as const },
    billing: {
      granularity: 100,
      minimum: 0,
      memoryStepMB: 1,
      per: pick(['call', 'instance'] as const),
    },
    ...(kpa
      ? {
          scaling: {
            policy: 'kpa' as const,
            ...KPA_DEFAULTS,
            target: conc,
            tick: 200,
            stableWindow: 2000,
            panicWindow: 1000,
            scaleToZeroGrace: 500,
          },
        }
      : {}),
  });
}

/**
 * Runs one drawn scenario event by event; after each, every group's running sums must equal the
 * sums over its pools, and each pool's copy of its queue's live calls the queue's.
 */
function checkScenario(seed: number, limitScope: 'function' | 'account'): number {
  const rng = createStream(seed, 'limit-group-scenario');
  const names = Array.from({ length: 2 + Math.floor(rng() * 5) }, (_, i) => `f${i}`);
  const w = testWorld(drawPlatform(rng, limitScope), exponential(50 + rng() * 400), {
    names,
    seed: `s${seed}`,
    crashProbability: rng() < 0.3 ? 0.2 : 0,
  });
  const calls = 30 + Math.floor(rng() * 60);
  for (let i = 0; i < calls; i++) {
    w.callAt(Math.floor(rng() * 4000), names[Math.floor(rng() * names.length)]);
  }
  const groups = new Set<LimitGroup>();
  for (const f of w.functions.values()) groups.add(f.pool.options.limits);
  let events = 0;
  // Until a minute: Knative's autoscaler with a provisioned instance ticks for ever.
  while (w.sim.run({ maxEvents: 1, until: 60_000 }).events > 0) {
    events++;
    // The pool's copy of its queue's live calls, which a release reads instead of the queue.
    for (const f of w.functions.values()) {
      if (f.pool.queued !== f.pool.queue.live) {
        throw new Error(
          `seed ${seed}, event ${events} at ${w.sim.now} ms: ${f.name} queued ${f.pool.queued}, live ${f.pool.queue.live}`,
        );
      }
    }
    for (const g of groups) {
      const kept = g.kept();
      const sums = g.sums();
      if (JSON.stringify(kept) !== JSON.stringify(sums)) {
        throw new Error(
          `seed ${seed}, event ${events} at ${w.sim.now} ms: kept ${JSON.stringify(kept)}, sums ${JSON.stringify(sums)}`,
        );
      }
    }
  }
  checkCalls(w.ended);
  expect(w.ended.length).toBe(calls);
  expect(events).toBeLessThan(1e6);
  return events;
}

describe('LimitGroup running sums', () => {
  it('equal the sums over the pools after every event (account-wide limits, random scenarios)', () => {
    let events = 0;
    for (let seed = 0; seed < 150; seed++) events += checkScenario(seed, 'account');
    // The scenarios ran: thousands of events were checked, not a handful.
    expect(events).toBeGreaterThan(10_000);
  });

  it('equal the sums over the pools after every event (one limit per function)', () => {
    for (let seed = 0; seed < 40; seed++) checkScenario(seed, 'function');
  });
});
