import { describe, expect, it } from 'vitest';
import { binomialTolerance, platformModel, run } from '../../experiments/experimentHelpers.ts';

/**
 * Hedging on a leaf function with exponential execution (mean M) and a platform that adds no
 * time, so that a request's latency is T = min(S1, d + S2) with S1, S2 independent:
 * P(T > t) = P(S > t) for t < d and P(S > t) P(S > t - d) beyond.
 */
const M = 50;
const survival = (t: number, d: number) =>
  t < d ? Math.exp(-t / M) : Math.exp(-t / M) * Math.exp(-(t - d) / M);

/** The q-quantile of T, by bisection on the survival function. */
function quantileT(q: number, d: number): number {
  let lo = 0;
  let hi = 100 * M;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (1 - survival(mid, d) < q) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Density of T at t (the derivative of 1 - survival), numerically. */
const density = (t: number, d: number) => (survival(t - 1e-3, d) - survival(t + 1e-3, d)) / 2e-3;

const base = {
  seed: 'client-hedging',
  duration: '400s',
  warmup: '10s',
  replications: 2,
  platform: platformModel(),
  function: { execution: { exponential: { mean: M } } },
  workload: { poisson: { perSecond: 20 } },
};

describe('caller.hedge', () => {
  const d = 60;
  const [hedged] = run({ ...base, caller: { hedge: { after: `${d}ms` } } });

  it('sends a copy for the share P(S > d) of requests', () => {
    const c = hedged.client!;
    const share = Math.exp(-d / M);
    expect(Math.abs(c.hedges / c.requests - share)).toBeLessThan(
      binomialTolerance(share, c.requests),
    );
    expect(c.callsPerRequest).toBeCloseTo(1 + c.hedges / c.requests, 12);
  });

  it('the latency follows min(S1, d + S2): p50 (below d) and p99 (beyond) as the closed form says', () => {
    const n = hedged.endToEnd.count;
    for (const [key, q] of [
      ['p50', 0.5],
      ['p99', 0.99],
    ] as const) {
      const t = quantileT(q, d);
      // The standard error of a sample quantile: sqrt(q (1 - q) / n) / f(t); 4 of them, plus
      // the histogram's bucket width (under 1 %).
      const tolerance = (4 * Math.sqrt((q * (1 - q)) / n)) / density(t, d) + 0.01 * t;
      expect(Math.abs(hedged.endToEnd[key].value! - t)).toBeLessThan(tolerance);
    }
    // Without hedging the p99 is M ln 100 = 230 ms; hedged, about 153 ms.
    expect(quantileT(0.99, d)).toBeLessThan(M * Math.log(100) * 0.7);
  });

  it('left to run, the loser is billed; cancelled, it stops and costs less', () => {
    const [cancelled] = run({
      ...base,
      warmup: '0s',
      caller: { hedge: { after: `${d}ms`, cancel: true } },
    });
    const c = cancelled.client!;
    // With no queue, every loser is on an instance when the winner answers: each is withdrawn.
    expect(c.cancelled).toBe(c.hedges);
    expect(hedged.client!.cancelled).toBe(0);
    expect(c.extraBilledShare!).toBeLessThan(hedged.client!.extraBilledShare!);
    expect(cancelled.cost.usd).toBeLessThanOrEqual(hedged.cost.usd);
  });

  it('after a percentile of the latencies seen: hedges about the share above it', () => {
    const [point] = run({ ...base, caller: { hedge: { after: { percentile: 90 } } } });
    const c = point.client!;
    const share = 0.1;
    // The delay is the p90 of the answers seen so far: at least the warm-up's (10 s at 20/s),
    // whose error adds to the share's own.
    const seen = 10 * 20;
    const tolerance = binomialTolerance(share, c.requests) + binomialTolerance(share, seen);
    expect(Math.abs(c.hedges / c.requests - share)).toBeLessThan(tolerance);
  });
});

describe('caller.hedge.cancel on a queue', () => {
  // One instance, calls beyond it queue: a copy sent 5 ms into a 10 ms call waits in the queue
  // behind it (or behind the next request's call), and is withdrawn when the first answers.
  const queued = {
    seed: 'client-hedge-queue',
    duration: '100s',
    warmup: '0s',
    replications: 1,
    platform: platformModel({ provisioned: 1, maxConcurrency: 1, onLimit: 'queue' }),
    function: { execution: { constant: 10 } },
    workload: { poisson: { perSecond: 10 } },
  };

  it('a copy still queued is withdrawn and never runs; left alone it runs and is billed', () => {
    const [cancelled] = run({ ...queued, caller: { hedge: { after: '5ms', cancel: true } } });
    const [kept] = run({ ...queued, caller: { hedge: { after: '5ms', cancel: false } } });
    const c = cancelled.client!;
    expect(c.hedges).toBe(c.requests);
    expect(c.cancelled).toBe(c.hedges);
    // Withdrawn from the queue, no copy ever held the instance.
    expect(c.extraBilledShare).toBe(0);
    // Left alone, each copy runs its 10 ms after the call it copies: half the billed time.
    expect(kept.client!.cancelled).toBe(0);
    expect(kept.client!.extraBilledShare!).toBeCloseTo(0.5, 2);
    // With the copies withdrawn, no request waits behind one: same arrivals, a shorter mean.
    expect(cancelled.endToEnd.mean.value!).toBeLessThan(kept.endToEnd.mean.value!);
  });
});
