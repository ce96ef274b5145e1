import { describe, expect, it } from 'vitest';
import { Outcome } from '../../../src/platform/call.ts';
import type { Distribution } from '../../../src/random/distribution.ts';
import { parseDistributionSpec } from '../../../src/random/distributionSpec.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { uniform } from '../../../src/random/distributions/uniform.ts';
import { fromSpec } from '../../../src/random/fromSpec.ts';
import { toGraph } from '../../../src/workload/graph/graphSpec.ts';
import { binomialTolerance, platformModel, run } from '../../experiments/experimentHelpers.ts';
import { barePlatform } from '../../support/platformWorld.ts';
import { graphWorld } from './graphWorld.ts';

/**
 * Fan-out to n leaves with zero-cost hops and a root that does no work of its own: the root's
 * latency is an order statistic of n independent leaf run times drawn from F.
 *
 * - Waiting for all: the maximum, with CDF F(x)^n, so its p-quantile is F^-1(p^(1/n)).
 * - Waiting for the first k: the k-th smallest, with CDF
 *   G(x) = sum_{j=k..n} C(n, j) F(x)^j (1 - F(x))^(n - j).
 *
 * The check is on the probability scale, where the sampling error of an empirical quantile is
 * known whatever the distribution: for N roots, G(empirical p-quantile) is within about
 * sqrt(p (1 - p) / N) of p (the order-statistic argument), so 4 of those is the tolerance.
 */
const ROOTS = 10_000;
const PERCENTILES = [0.5, 0.9, 0.99] as const;
const KEYS = { 0.5: 'p50', 0.9: 'p90', 0.99: 'p99' } as const;

function binomial(n: number, j: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return c;
}

/** P(k-th smallest of n draws from F <= x). */
function orderStatisticCdf(F: Distribution, n: number, k: number, x: number): number {
  const f = F.cdf(x);
  let p = 0;
  for (let j = k; j <= n; j++) p += binomial(n, j) * f ** j * (1 - f) ** (n - j);
  return p;
}

function fanOut(leaf: unknown, width: number, waitFor: number | 'all') {
  const [point] = run({
    seed: `fan-out-${width}-${waitFor}`,
    replications: 1,
    // One root a second: exactly ROOTS of them, at 0, 1 s, ..., all answered by the end.
    duration: ROOTS * 1000,
    workload: { constant: { perSecond: 1 } },
    platform: platformModel(),
    graph: { fanOut: { width, waitFor } },
    function: { execution: 0 },
    functions: { leaf: { execution: leaf } },
  });
  expect(point.calls.completed).toBe(ROOTS);
  expect(point.calls.inFlight).toBe(0);
  return point;
}

const EXPONENTIAL = { exponential: { mean: '10ms' } };
const LOGNORMAL = { lognormal: { p50: '10ms', p99: '80ms' } };

describe('fan-out to n, waiting for all: the maximum of n leaves', () => {
  const cases: [string, unknown, number][] = [
    ['exponential', EXPONENTIAL, 1],
    ['exponential', EXPONENTIAL, 10],
    ['exponential', EXPONENTIAL, 100],
    ['lognormal', LOGNORMAL, 10],
  ];
  for (const [name, leaf, n] of cases) {
    it(`${name} leaves, n = ${n}: the p-quantile is F^-1(p^(1/n))`, () => {
      const F = fromSpec(parseDistributionSpec(leaf));
      const point = fanOut(leaf, n, 'all');
      expect(point.cold.meanHops).toBe(1 + n);
      for (const p of PERCENTILES) {
        const simulated = point.endToEnd[KEYS[p]].value!;
        const theory = F.quantile(p ** (1 / n));
        // On the probability scale: F_n(simulated) = F(simulated)^n against p.
        const error = F.cdf(simulated) ** n - p;
        expect(
          Math.abs(error),
          `p${p * 100}: simulated ${simulated}, theory ${theory}`,
        ).toBeLessThanOrEqual(binomialTolerance(p, ROOTS));
      }
    });
  }

  it('is far from the single-leaf quantile, so the check can fail', () => {
    // The p50 of the max of 100 exponentials (mean 10) is 49.8 ms; one leaf's p50 is 6.9 ms.
    const F = fromSpec(parseDistributionSpec(EXPONENTIAL));
    const wrong = F.quantile(0.5);
    expect(Math.abs(F.cdf(wrong) ** 100 - 0.5)).toBeGreaterThan(binomialTolerance(0.5, ROOTS));
  });
});

describe('fan-out to n, waiting for the first k: the k-th order statistic', () => {
  const cases: [number, number][] = [
    [10, 1],
    [10, 3],
    [10, 9],
  ];
  for (const [n, k] of cases) {
    it(`n = ${n}, k = ${k}`, () => {
      const F = fromSpec(parseDistributionSpec(EXPONENTIAL));
      const point = fanOut(EXPONENTIAL, n, k);
      // The answers after the k-th are stragglers: they run, but the root does not wait.
      expect(point.cold.meanHops).toBe(1 + k);
      expect(point.cost.requests).toBe(ROOTS * (1 + n));
      for (const p of PERCENTILES) {
        const simulated = point.endToEnd[KEYS[p]].value!;
        const error = orderStatisticCdf(F, n, k, simulated) - p;
        expect(Math.abs(error), `p${p * 100}: simulated ${simulated}`).toBeLessThanOrEqual(
          binomialTolerance(p, ROOTS),
        );
        // ... and not the maximum (k < n), which the check would tell apart.
        if (k < n) {
          expect(Math.abs(F.cdf(simulated) ** n - p)).toBeGreaterThan(binomialTolerance(p, ROOTS));
        }
      }
    });
  }
});

describe('fan-in of the first k when some calls fail', () => {
  // Each function may run 3 calls at once: of 4 parallel calls to "leaf", one is throttled.
  const platform = barePlatform({ maxConcurrency: 3, network: constant(0.5) });
  const leafTimes = { root: constant(1), leaf: uniform(10, 20) };

  it('succeeds while k answers can still come', () => {
    const w = graphWorld(
      toGraph({ kind: 'fanOut', width: 4, waitFor: 3 }, 'graph'),
      platform,
      leafTimes,
    );
    for (let i = 0; i < 50; i++) w.rootAt(i * 1000);
    w.sim.run();
    const leaves = w.all.filter((c) => c.fn.name === 'leaf');
    expect(leaves.filter((c) => c.outcome === Outcome.Throttled).length).toBe(50);
    for (const root of w.roots) {
      expect(root.outcome).toBe(Outcome.Completed);
      // The third answer is the slowest of the three leaves that ran.
      const ran = leaves.filter((c) => c.parent === root && c.outcome === Outcome.Completed);
      expect(ran.length).toBe(3);
      const slowest = Math.max(...ran.map((c) => c.end - c.start));
      expect(root.end - root.start).toBeCloseTo(2 * 0.5 + 1 + slowest, 9);
    }
  });

  it('fails as soon as k answers cannot come any more', () => {
    const w = graphWorld(
      toGraph({ kind: 'fanOut', width: 4, waitFor: 4 }, 'graph'),
      platform,
      leafTimes,
    );
    for (let i = 0; i < 50; i++) w.rootAt(i * 1000);
    w.sim.run();
    for (const root of w.roots) {
      expect(root.outcome).toBe(Outcome.Throttled);
      // Failed when the refusal came back: out and back to the leaf's pool, no run.
      expect(root.end - root.start).toBe(2 * 0.5 + 1 + 2 * 0.5);
    }
  });
});
