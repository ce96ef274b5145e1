import { describe, expect, it } from 'vitest';
import { normalTruncated } from '../../../src/random/distributions/normalTruncated.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

// [mu, sd, exact mean, exact variance] from mpmath at 30 digits, covering mild
// truncation, a half-normal, and truncation 2, 5 and 40 sds above the mean
// (the last uses the rejection sampler and numeric quantiles).
const CASES: [number, number, number, number][] = [
  [100, 30, 100.04628823033227, 895.3690343665064],
  [10, 20, 20.18320867674067, 194.47017427854684],
  [0, 10, 7.978845608028654, 36.33802276324187],
  [-20, 10, 3.7321553282284086, 11.427910041408126],
  [-50, 10, 1.8650396712584212, 3.2696434617112224],
  [-400, 10, 0.24968847207263722, 0.06226683785913888],
];

describe('normalTruncated', () => {
  it('has the exact truncated mean', () => {
    for (const [mu, sd, mean] of CASES) {
      expect(Math.abs(normalTruncated(mu, sd).mean - mean) / mean).toBeLessThan(1e-12);
    }
  });

  it('matches its mean, quantiles and CDF in 100k samples, for any mu / sd', () => {
    for (const [mu, sd, , variance] of CASES) {
      const rng = createStream('test-seed', `normalTruncated-${mu}-${sd}`);
      expectSamplesMatch(normalTruncated(mu, sd), rng, { variance });
    }
  });

  it('has the closed forms', () => {
    const d = normalTruncated(10, 20);
    expect(d.kind).toBe('normalTruncated');
    expect(d.quantile(0.9)).toBeCloseTo(39.64359356881814, 10);
    const half = normalTruncated(0, 10);
    expect(half.quantile(0.5)).toBeCloseTo(10 * 0.6744897501960817, 10);
    expect(half.cdf(10 * 0.6744897501960817)).toBeCloseTo(0.5, 14);
    // 40 sds out: mpmath gives P(X <= 0.25) = 0.63246492645924674.
    expect(normalTruncated(-400, 10).cdf(0.25)).toBeCloseTo(0.6324649264592468, 12);
  });

  it('has support [0, Infinity) and round-trips quantile and cdf', () => {
    for (const [mu, sd] of CASES) {
      const d = normalTruncated(mu, sd);
      expect(d.quantile(0)).toBe(0);
      expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
      expect(d.cdf(0)).toBe(0);
      expect(d.cdf(-1)).toBe(0);
      for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
        const x = d.quantile(p);
        expect(x).toBeGreaterThan(0);
        expect(d.cdf(x)).toBeCloseTo(p, 11);
        expect(d.quantile(d.cdf(x)) / x).toBeCloseTo(1, 8);
      }
    }
  });

  it('rejects bad parameters', () => {
    expect(() => normalTruncated(1, 0)).toThrow('normalTruncated: sd must be > 0 (got 0)');
    expect(() => normalTruncated(1, -2)).toThrow('normalTruncated: sd must be > 0 (got -2)');
    expect(() => normalTruncated(Number.NaN, 1)).toThrow(
      'normalTruncated: mu must be finite (got NaN)',
    );
    expect(() => normalTruncated(0, 1).quantile(1.5)).toThrow(RangeError);
  });
});
