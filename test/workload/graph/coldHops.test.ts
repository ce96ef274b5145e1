import { describe, expect, it } from 'vitest';
import { binomialTolerance, platformModel, run } from '../../experiments/experimentHelpers.ts';

/**
 * Cold starts compound along a chain: if each of d hops is cold independently with
 * probability q, a root meets at least one cold start with probability 1 - (1 - q)^d.
 *
 * Construction (all stages and run times zero, so a root's d calls happen at one instant and
 * each function has one instance that is never busy when a call arrives): an instance that
 * becomes idle draws its keep-alive from a mixture, 0 with probability q (reclaimed at once,
 * so the next call to that function is cold) and "longer than the run" otherwise (the next
 * call is warm). The draws come from each function's own stream, one per call, so the hops
 * of a root are cold independently with probability q, whatever the arrivals.
 */
const ROOTS = 20_000;

function chain(depth: number, keepAlive: unknown, workload: unknown, duration: number) {
  const [point] = run({
    seed: `cold-hops-${depth}`,
    replications: 1,
    duration,
    warmup: '10s',
    workload,
    platform: platformModel({ keepAlive, coldStart: { sandbox: 0 } }),
    function: { execution: 0 },
    graph: { chain: { depth } },
  });
  expect(point.calls.inFlight).toBe(0);
  return point;
}

describe('a chain of d hops, each cold with probability q', () => {
  const q = 0.1;
  const keepAlive = {
    mixture: [
      { weight: q, dist: 0 },
      { weight: 1 - q, dist: '1000h' },
    ],
  };
  for (const d of [1, 3, 6]) {
    it(`d = ${d}: the share of roots with a cold hop is 1 - (1 - q)^d`, () => {
      // One root a second after the warm-up: ROOTS of them in the window.
      const point = chain(d, keepAlive, { constant: { perSecond: 1 } }, 10_000 + ROOTS * 1000);
      const n = point.calls.completed;
      expect(n).toBe(ROOTS);
      const theory = 1 - (1 - q) ** d;
      const share = point.cold.share.value!;
      expect(Math.abs(share - theory), `share ${share}, theory ${theory}`).toBeLessThanOrEqual(
        binomialTolerance(theory, n),
      );
      // The number of cold hops per root is binomial(d, q): mean d q, variance d q (1 - q).
      const hopsCold = point.cold.hopsCold;
      const meanCold = hopsCold.reduce((s, count, k) => s + k * count, 0) / n;
      expect(Math.abs(meanCold - d * q)).toBeLessThanOrEqual(4 * Math.sqrt((d * q * (1 - q)) / n));
      expect(hopsCold.length).toBeLessThanOrEqual(d + 1);
      // Every cold hop is a cold start, and only roots start instances here.
      expect(point.cold.coldStarts).toBe(hopsCold.reduce((s, count, k) => s + k * count, 0));
    });
  }
});

describe('one instance, Poisson arrivals, exponential keep-alive', () => {
  // With calls that take no time, the next call is cold when the keep-alive (exponential,
  // mean K) ends before the next arrival (exponential, rate lambda): the first of two
  // competing exponentials, P(cold) = (1/K) / (1/K + lambda) = 1 / (1 + lambda K).
  const lambda = 2 / 1000; // per ms
  const K = 2000; // ms
  const keepAlive = { exponential: { mean: K } };
  const workload = { poisson: { perSecond: lambda * 1000 } };
  const duration = 10_000 + ROOTS / lambda;

  it('d = 1: P(cold) = 1 / (1 + lambda K)', () => {
    const point = chain(1, keepAlive, workload, duration);
    const n = point.calls.completed;
    expect(Math.abs(n - ROOTS)).toBeLessThan(4 * Math.sqrt(ROOTS));
    const theory = 1 / (1 + lambda * K);
    const share = point.cold.share.value!;
    expect(Math.abs(share - theory), `share ${share}, theory ${theory}`).toBeLessThanOrEqual(
      binomialTolerance(theory, n),
    );
  });

  it('d = 3: the hops share the gap between arrivals, so they are not independent', () => {
    // All d calls of a root see the same gap A since the previous root. Given A each instance
    // survives with probability exp(-A / K), independently, so
    // P(no cold) = E[exp(-d A / K)] = lambda / (lambda + d / K), and
    // P(some cold) = d / (lambda K + d): 3/7, below 1 - (1 - q)^3 = 0.488 for q = 1/5.
    const d = 3;
    const point = chain(d, keepAlive, workload, duration);
    const n = point.calls.completed;
    const theory = d / (lambda * K + d);
    const share = point.cold.share.value!;
    expect(Math.abs(share - theory), `share ${share}, theory ${theory}`).toBeLessThanOrEqual(
      binomialTolerance(theory, n),
    );
    const independent = 1 - (1 - 1 / (1 + lambda * K)) ** d;
    expect(Math.abs(share - independent)).toBeGreaterThan(binomialTolerance(independent, n));
  });
});
