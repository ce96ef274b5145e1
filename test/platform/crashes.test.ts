/**
 * Instance crashes and host failures: a crash ends every call on its instance (Outcome.Crashed,
 * billed for the time it ran), the instance is gone (the next call is cold), and a failing host
 * takes all its instances with it. Counts against closed forms with fixed seeds and tolerances
 * from the sample sizes.
 */
import { describe, expect, it } from 'vitest';
import { Outcome } from '../../src/platform/call.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { binomialTolerance, platformModel, run } from '../experiments/experimentHelpers.ts';
import { barePlatform, testWorld } from '../support/platformWorld.ts';

describe('a call that crashes its instance', () => {
  it('ends Crashed within its run, billed for the time it ran; the next call starts cold', () => {
    const w = testWorld(barePlatform({ coldStart: [constant(50)] }), constant(100), {
      crashProbability: 1,
    });
    w.callAt(0);
    w.callAt(1000);
    w.sim.run();
    const [first, second] = w.ended;
    for (const c of [first, second]) {
      expect(c.outcome).toBe(Outcome.Crashed);
      expect(c.cold).toBe(true);
      // Crashed at a point of its 100 ms run, after its 50 ms start.
      expect(c.end - c.start).toBeGreaterThanOrEqual(50);
      expect(c.end - c.start).toBeLessThan(150);
      expect(c.billed).toBeCloseTo(c.end - c.start - 50, 9);
      expect(c.execution).toBeCloseTo(c.billed, 9);
    }
    const pool = w.functions.get('f')!.pool;
    // Without the crash the second call would have found the first one's instance idle.
    expect(pool.coldStarts).toBe(2);
    expect(pool.crashes).toBe(2);
    expect(pool.instances).toBe(0);
  });

  it('never crashes with probability 0: the instance serves both calls warm', () => {
    const w = testWorld(barePlatform({ coldStart: [constant(50)] }), constant(100), {
      crashProbability: 0,
    });
    w.callAt(0);
    w.callAt(1000);
    w.sim.run();
    expect(w.ended.map((c) => c.outcome)).toEqual([Outcome.Completed, Outcome.Completed]);
    expect(w.functions.get('f')!.pool.coldStarts).toBe(1);
  });

  it('takes every call in flight on its instance with it', () => {
    const w = testWorld(barePlatform({ concurrencyPerInstance: 4 }), constant(100), {
      crashProbability: 1,
    });
    for (let i = 0; i < 4; i++) w.callAt(0);
    w.sim.run();
    expect(w.ended).toHaveLength(4);
    expect(w.ended.every((c) => c.outcome === Outcome.Crashed)).toBe(true);
    // The first crash drawn ended all four at once: one instance crashed, not four.
    expect(new Set(w.ended.map((c) => c.end)).size).toBe(1);
    expect(w.functions.get('f')!.pool.crashes).toBe(1);
    expect(w.invoker.crashedCalls).toBe(4);
  });
});

const base = {
  seed: 'crashes',
  duration: '300s',
  warmup: '5s',
  replications: 2,
  function: { execution: { exponential: { mean: 20 } } },
  workload: { poisson: { perSecond: 20 } },
};

describe('crashes in experiments', () => {
  it('with one call per instance, the share of calls that crash is the crash probability', () => {
    const p = 0.05;
    const [point] = run({
      ...base,
      platform: platformModel({ coldStart: { sandbox: '50ms' } }),
      function: { ...base.function, crashProbability: p },
    });
    const c = point.calls;
    expect(c.crashed! + c.completed).toBe(c.arrivals);
    expect(Math.abs(c.crashed! / c.arrivals - p)).toBeLessThan(binomialTolerance(p, c.arrivals));
    expect(point.failures!.crashedShare).toBe(c.crashed! / c.arrivals);
    // Each crash cost an instance: a cold start at least for each, after warm-up.
    expect(point.cold.coldStarts).toBeGreaterThanOrEqual(point.failures!.instanceCrashes);
    // One instance per crashed call, up to a call that began in the warm-up and crashed after.
    expect(Math.abs(point.failures!.instanceCrashes - c.crashed!)).toBeLessThanOrEqual(2);
  });

  it('without crashes or failing hosts, results have no crash counts (as before)', () => {
    const [point] = run({ ...base, duration: '20s', platform: platformModel() });
    expect(point.calls.crashed).toBeUndefined();
    expect(point.failures).toBeUndefined();
  });

  it('hosts fail at the rate hosts / mean time between failures, and take their calls', () => {
    const hosts = 4;
    const mtbf = 10_000;
    const [point] = run({
      ...base,
      platform: platformModel({
        coldStart: { sandbox: '50ms' },
        concurrencyPerInstance: 4,
        cluster: { hosts, slotsPerHost: 8, meanTimeBetweenFailures: mtbf },
      }),
      function: { execution: { exponential: { mean: 200 } } },
    });
    const f = point.failures!;
    // Poisson counts over the window of both replications.
    const expected = (2 * (300_000 - 5_000) * hosts) / mtbf;
    expect(Math.abs(f.hostFailures - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(f.instanceCrashes).toBeGreaterThan(0);
    expect(f.callsLost).toBeGreaterThan(f.instanceCrashes);
    expect(point.calls.crashed).toBeGreaterThan(0);
  });

  it("a caller's retries on errors retry crashes: mean attempts (1 - p^n) / (1 - p), p^n crash", () => {
    const p = 0.3;
    const n = 3;
    const [point] = run({
      ...base,
      platform: platformModel({ coldStart: { sandbox: '10ms' } }),
      function: { ...base.function, crashProbability: p },
      caller: { retry: { attempts: n, on: ['error'], backoff: { base: '10ms' } } },
    });
    const client = point.client!;
    const requests = client.requests;
    const mean = (1 - p ** n) / (1 - p);
    // Attempts are 1..n: their variance is at most n^2 / 4.
    expect(Math.abs(client.attemptsPerRequest! - mean)).toBeLessThan(
      4 * Math.sqrt((n * n) / 4 / requests),
    );
    const crashed = point.calls.crashed!;
    expect(Math.abs(crashed / requests - p ** n)).toBeLessThan(binomialTolerance(p ** n, requests));
  });
});
