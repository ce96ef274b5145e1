import { describe, expect, it } from 'vitest';
import { Outcome } from '../../../src/platform/call.ts';
import type { PlatformConfig } from '../../../src/platform/config.ts';
import { fixedScaling } from '../../../src/platform/scaling/index.ts';
import type { Distribution } from '../../../src/random/distribution.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { barePlatform, checkCalls, testWorld } from '../../support/platformWorld.ts';

/** Execution times drawn in the order the calls start running. */
function inOrder(times: number[]): Distribution {
  const left = [...times];
  return {
    kind: 'sequence',
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    sample: () => left.shift() ?? 1,
    cdf: () => 0,
    quantile: () => 0,
  };
}

const perInstance = (pick: 'leastLoaded' | 'random' = 'leastLoaded'): Partial<PlatformConfig> => ({
  queueing: { policy: 'perInstance', pick },
});

describe('per-instance queueing', () => {
  it('a call waits at the instance it was routed to, even when another frees first', () => {
    // Two instances; the first call runs 100 ms, the others 10 ms. All arrive at once.
    const run = (queueing: Partial<PlatformConfig>) => {
      const w = testWorld(
        barePlatform({ provisioned: 2, keepAlive: null, ...queueing }),
        inOrder([100, 10, 10, 10]),
        { policies: () => ({ scaling: fixedScaling }) },
      );
      for (let i = 0; i < 4; i++) w.callAt(0);
      w.sim.run();
      expect(checkCalls(w.ended).completed).toBe(4);
      return w.ended.map((c) => c.end).sort((a, b) => a - b);
    };
    // One queue at the front end: calls 3 and 4 go to the instance that frees at 10.
    expect(run({})).toEqual([10, 20, 30, 100]);
    // Per instance, least loaded: call 3 was routed to the first instance (a tie, the earliest
    // joined) and waits there until 100; call 4 to the second, which has fewer calls by then.
    expect(run(perInstance())).toEqual([10, 20, 100, 110]);
  });

  it('the wait at a busy instance is the queue stage; served by the instance it waited for while it started, cold', () => {
    const w = testWorld(
      barePlatform({ coldStart: [constant(50)], binding: 'late', ...perInstance() }),
      constant(10),
    );
    w.callAt(0);
    w.callAt(0);
    w.sim.run();
    expect(checkCalls(w.ended).completed).toBe(2);
    const [a, b] = [...w.ended].sort((x, y) => x.end - y.end);
    // The first call waited at the front end (no instance yet) and got the first instance.
    expect(a.cold).toBe(true);
    expect(a.coldStart).toBe(50);
    expect(a.end).toBe(60);
    // The second made a second start but was routed to the first instance (both starting
    // count as full: a tie, to the earliest joined): it waits there for the first call, not
    // cold, its wait a queue; the second instance serves no one.
    expect(b.cold).toBe(false);
    expect(b.queue).toBe(60);
    expect(b.coldStart).toBe(0);
    expect(b.waitedOnStart).toBe(true);
    expect(b.end).toBe(70);
  });

  it('random routing sends calls to a busy instance while another is idle; the FIFO never does', () => {
    const waits = (queueing: Partial<PlatformConfig>) => {
      const w = testWorld(
        barePlatform({ provisioned: 2, keepAlive: null, ...queueing }),
        constant(10),
        {
          policies: () => ({ scaling: fixedScaling }),
          seed: 'random-routing',
        },
      );
      // One call every 6 ms: two instances always have room for the next.
      for (let i = 0; i < 400; i++) w.callAt(i * 6);
      w.sim.run();
      expect(checkCalls(w.ended).completed).toBe(400);
      return w.ended.filter((c) => c.queue > 0).length;
    };
    expect(waits({})).toBe(0);
    expect(waits(perInstance('leastLoaded'))).toBe(0);
    // A call lands on the instance still busy with the one before about half the time, and
    // each instance then sees a load of 0.83 (10 ms every 12 ms on average): many wait.
    expect(waits(perInstance('random'))).toBeGreaterThan(100);
  });

  it('a call that gives up waiting at an instance leaves that instance queue', () => {
    const w = testWorld(
      barePlatform({ provisioned: 1, keepAlive: null, maxQueueWait: 5, ...perInstance() }),
      constant(10),
      { policies: () => ({ scaling: fixedScaling }) },
    );
    for (let i = 0; i < 3; i++) w.callAt(0);
    w.callAt(20);
    w.sim.run();
    const pool = w.functions.get('f')!.pool;
    expect(pool.queue.live).toBe(0);
    const outcomes = [...w.ended].sort((a, b) => a.start - b.start || a.end - b.end);
    expect(outcomes.filter((c) => c.outcome === Outcome.Throttled).length).toBe(2);
    // The last call finds the instance free and its queue empty: served at once.
    const last = w.ended.find((c) => c.start === 20)!;
    expect(last.queue).toBe(0);
    expect(last.end).toBe(30);
  });

  it('a call held at an idle instance by the call limit runs there once the limit has room', () => {
    // Two instances, one call at a time in all: the second call is routed to the idle
    // instance but must wait for the first call to end, on the other instance.
    const w = testWorld(
      barePlatform({
        provisioned: 2,
        keepAlive: null,
        maxConcurrency: 1,
        onLimit: 'queue',
        ...perInstance(),
      }),
      constant(10),
      { policies: () => ({ scaling: fixedScaling }) },
    );
    w.callAt(0);
    w.callAt(0);
    w.sim.run();
    expect(checkCalls(w.ended).completed).toBe(2);
    expect(w.ended.map((c) => c.end).sort((a, b) => a - b)).toEqual([10, 20]);
    expect(w.ended.map((c) => c.instance!.id).sort()).toEqual([0, 1]);
  });

  it('keeps the stages adding up and every call ending under a burst with scaling and reclaims', () => {
    const w = testWorld(
      barePlatform({
        coldStart: [constant(40)],
        keepAlive: constant(30),
        binding: 'late',
        concurrencyPerInstance: 3,
        maxConcurrency: 12,
        onLimit: 'queue',
        ...perInstance(),
      }),
      inOrder(Array.from({ length: 300 }, (_, i) => 5 + ((i * 37) % 50))),
    );
    for (let i = 0; i < 300; i++) w.callAt(Math.floor(i / 20) * 25 + (i % 7));
    w.sim.run();
    expect(checkCalls(w.ended).completed).toBe(300);
    expect(w.functions.get('f')!.pool.queue.live).toBe(0);
  });
});

describe('per-instance billing', () => {
  const billed = (billing: Partial<PlatformConfig['billing']>, at: number[]) => {
    const w = testWorld(
      barePlatform({
        coldStart: [constant(50)],
        concurrencyPerInstance: 10,
        binding: 'late',
        keepAlive: null,
        billing: { granularity: 0, minimum: 0, memoryStepMB: 1, per: 'instance', ...billing },
      }),
      constant(100),
    );
    for (const t of at) w.callAt(t);
    w.sim.run();
    const fn = w.functions.get('f')!;
    return { instance: fn.instanceBilledMs, calls: fn.billedMs };
  };

  it('bills an instance once while it starts and while calls run on it, however many share it', () => {
    // Three calls share one instance: its start (50) and their 100 ms, once.
    expect(billed({}, [0, 0, 0])).toEqual({ instance: 150, calls: 300 });
    // Idle time between calls is not billed: a second stretch of 100 ms from 1000.
    expect(billed({}, [0, 1000]).instance).toBe(250);
    // Each stretch is rounded as a call would be.
    expect(billed({ granularity: 100 }, [0, 1000]).instance).toBe(200 + 100);
  });

  it('bills nothing per instance under per-call billing', () => {
    expect(billed({ per: 'call' }, [0, 0, 0]).instance).toBe(0);
  });
});
