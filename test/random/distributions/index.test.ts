import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/random/distribution.ts';
import * as distributions from '../../../src/random/distributions/index.ts';

const {
  constant,
  empirical,
  exponential,
  gamma,
  lognormal,
  lognormalFromQuantiles,
  mixture,
  normalTruncated,
  pareto,
  shifted,
  uniform,
  weibull,
} = distributions;

const EXAMPLES: Distribution[] = [
  constant(3),
  uniform(1, 4),
  exponential(2),
  normalTruncated(5, 3),
  normalTruncated(-2, 3),
  lognormal(1, 0.6),
  lognormalFromQuantiles(0.5, 8, 0.99, 40),
  gamma(0.7, 2),
  weibull(2, 3),
  pareto(1, 2.5),
  shifted(10, gamma(3, 1)),
  mixture([
    { weight: 0.6, dist: exponential(1) },
    { weight: 0.4, dist: lognormal(2, 0.3) },
  ]),
  empirical([
    [0.1, 1],
    [0.5, 2],
    [0.5001, 2],
    [0.9, 5],
  ]),
];

describe('distributions index', () => {
  it('re-exports every constructor', () => {
    expect(Object.keys(distributions).sort()).toEqual([
      'constant',
      'empirical',
      'exponential',
      'gamma',
      'lognormal',
      'lognormalFromQuantiles',
      'mixture',
      'normalTruncated',
      'pareto',
      'shifted',
      'uniform',
      'weibull',
    ]);
  });

  it('every distribution has a consistent quantile and CDF', () => {
    const levels = [0, 1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-9, 1];
    for (const d of EXAMPLES) {
      expect(typeof d.kind).toBe('string');
      expect(Number.isNaN(d.mean)).toBe(false);
      let prev = Number.NEGATIVE_INFINITY;
      for (const p of levels) {
        const x = d.quantile(p);
        expect(x, `${d.kind} quantile(${p})`).toBeGreaterThanOrEqual(prev);
        prev = x;
        if (p > 0 && p < 1) {
          // quantile(p) is the smallest x with cdf(x) >= p (to 1e-9).
          expect(d.cdf(x), `${d.kind} cdf(quantile(${p}))`).toBeGreaterThanOrEqual(p - 1e-9);
          const below = x - 1e-6 * Math.max(1, Math.abs(x));
          expect(d.cdf(below), `${d.kind} cdf just below quantile(${p})`).toBeLessThan(p + 1e-9);
        }
      }
      expect(() => d.quantile(-0.01)).toThrow(RangeError);
      expect(() => d.quantile(1.01)).toThrow(RangeError);
    }
  });

  it('every distribution samples within its support, deterministically', () => {
    for (const d of EXAMPLES) {
      const lo = d.quantile(0);
      const hi = d.quantile(1);
      let state = 1;
      // A tiny LCG: the point here is determinism, not quality.
      const rng = () => {
        state = (state * 48_271) % 2_147_483_647;
        return state / 2_147_483_647;
      };
      const first: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const x = d.sample(rng);
        expect(x).toBeGreaterThanOrEqual(lo);
        expect(x).toBeLessThanOrEqual(hi);
        first.push(x);
      }
      state = 1;
      for (let i = 0; i < 1000; i++) expect(d.sample(rng)).toBe(first[i]);
    }
  });
});
