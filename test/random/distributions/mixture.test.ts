import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/random/distribution.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { lognormal } from '../../../src/random/distributions/lognormal.ts';
import { mixture } from '../../../src/random/distributions/mixture.ts';
import { pareto } from '../../../src/random/distributions/pareto.ts';
import { uniform } from '../../../src/random/distributions/uniform.ts';
import { createStream } from '../../../src/random/streams.ts';
import { checkSamples, drawSorted, expectSamplesMatch, leftLimit } from '../ks.ts';

// Warm invocations with a tight spread plus 10% with a wide one, same median.
const MEDIAN = 202;
const warm = lognormal(Math.log(MEDIAN), 0.26);
const wide = lognormal(Math.log(MEDIAN), 0.7);
const latency = () =>
  mixture([
    { weight: 0.9, dist: warm },
    { weight: 0.1, dist: wide },
  ]);

describe('mixture', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    expectSamplesMatch(latency(), createStream('test-seed', 'mixture'), {
      levels: [0.1, 0.5, 0.9, 0.99, 0.999],
    });
  });

  it('is caught by the checks when the slow share is 7% instead of 10%', () => {
    const sorted = drawSorted(latency(), createStream('test-seed', 'mixture-wrong'));
    const model = mixture([
      { weight: 0.93, dist: warm },
      { weight: 0.07, dist: wide },
    ]);
    const check = checkSamples(sorted, model, { levels: [0.99] });
    expect(check.quantileZ.get(0.99)).toBeGreaterThan(4);
  });

  it('has the weighted mean and CDF, and the shared median', () => {
    const d = latency();
    expect(d.kind).toBe('mixture');
    expect(d.mean).toBeCloseTo(0.9 * warm.mean + 0.1 * wide.mean, 10);
    for (const x of [100, 202, 300, 600]) {
      expect(d.cdf(x)).toBeCloseTo(0.9 * warm.cdf(x) + 0.1 * wide.cdf(x), 15);
    }
    expect(d.quantile(0.5)).toBeCloseTo(MEDIAN, 9);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    // The mixture's p99 lies between the components' p99s, nearer the wide one's
    // share of the tail.
    const p99 = d.quantile(0.99);
    expect(p99).toBeGreaterThan(warm.quantile(0.99));
    expect(p99).toBeLessThan(wide.quantile(0.99));
    for (const p of [0.001, 0.1, 0.9, 0.99, 0.9999]) {
      expect(Math.abs(d.cdf(d.quantile(p)) - p)).toBeLessThan(1e-12);
    }
  });

  it('picks components with one uniform draw in proportion to their weights', () => {
    const d = mixture([
      { weight: 0.25, dist: constant(1) },
      { weight: 0.75, dist: constant(2) },
    ]);
    expect(d.sample(() => 0.2499)).toBe(1);
    expect(d.sample(() => 0.25)).toBe(2);
    expect(d.sample(() => 1 - 2 ** -53)).toBe(2);
    let draws = 0;
    d.sample(() => {
      draws++;
      return 0.5;
    });
    expect(draws).toBe(1);
  });

  it('handles atoms: the quantile is the smallest x with cdf(x) >= p', () => {
    // 30% exactly at 5, 70% uniform on [0, 10]: the CDF jumps from 0.35 to 0.65 at 5.
    const d = mixture([
      { weight: 0.3, dist: constant(5) },
      { weight: 0.7, dist: uniform(0, 10) },
    ]);
    expect(d.cdf(5)).toBeCloseTo(0.65, 15);
    expect(d.quantile(0.2)).toBeCloseTo(0.2 / 0.07, 9);
    expect(d.quantile(0.35)).toBeCloseTo(5, 9);
    expect(d.quantile(0.5)).toBe(5);
    // cdf(5) rounds to just under 0.65 here, so bisection lands a hair above.
    expect(d.quantile(0.65)).toBeCloseTo(5, 9);
    expect(d.quantile(0.72)).toBeCloseTo(6, 9);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(10);
    expectSamplesMatch(d, createStream('test-seed', 'mixture-atom'), {
      cdfBefore: leftLimit((x) => d.cdf(x)),
    });
  });

  it('ignores zero-weight components, even with an infinite mean', () => {
    const d = mixture([
      { weight: 1, dist: constant(3) },
      { weight: 0, dist: pareto(1, 0.5) },
    ]);
    expect(d.mean).toBe(3);
    expect(d.quantile(1)).toBe(3);
  });

  it('rejects bad weights, naming the sum', () => {
    expect(() =>
      mixture([
        { weight: 0.9, dist: warm },
        { weight: 0.05, dist: wide },
      ]),
    ).toThrow('mixture: weights must sum to 1 (got 0.9500000000000001)');
    expect(() =>
      mixture([
        { weight: 1.5, dist: warm },
        { weight: -0.5, dist: wide },
      ]),
    ).toThrow('mixture: weight of component 1 must be >= 0 (got -0.5)');
    expect(() => mixture([{ weight: Number.NaN, dist: warm }])).toThrow(RangeError);
    expect(() => mixture([])).toThrow('mixture: needs at least one component');
    expect(() => mixture([{ weight: 1, dist: undefined as unknown as Distribution }])).toThrow(
      RangeError,
    );
    // Within 1e-9 of 1 is accepted.
    expect(() =>
      mixture([
        { weight: 0.1 + 0.2, dist: warm },
        { weight: 0.7, dist: wide },
      ]),
    ).not.toThrow();
  });

  it('puts a quantile that falls on a jump at the jump, not in a tail where the CDF rounds to 1', () => {
    // A fast lognormal (p50 1 ms, p99 3 ms) whose CDF is 1 in doubles from some 50 ms on,
    // and a point mass at 1 s: below 1 s the true CDF is under the lognormal's weight.
    const fast = lognormal(0, Math.log(3) / 2.3263478740408408);
    for (const w of [0.9, 0.75, 0.5]) {
      const d = mixture([
        { weight: w, dist: fast },
        { weight: 1 - w, dist: constant(1000) },
      ]);
      expect(d.quantile(w), `weight ${w}`).toBe(1000);
      // Just below the jump's level the quantile is back in the lognormal.
      expect(d.quantile(w * 0.999)).toBeLessThan(10);
      // Above it, still the jump.
      expect(d.quantile(w + (1 - w) / 2)).toBe(1000);
    }
  });
});
