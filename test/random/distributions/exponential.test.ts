import { describe, expect, it } from 'vitest';
import { exponential } from '../../../src/random/distributions/exponential.ts';
import { createStream } from '../../../src/random/streams.ts';
import { checkSamples, drawSorted, expectSamplesMatch, KS_CRITICAL_SQRT_N } from '../ks.ts';

describe('exponential', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    expectSamplesMatch(exponential(4), createStream('test-seed', 'exponential'), { variance: 16 });
  });

  it('is caught by the checks when the mean is 3% off', () => {
    const sorted = drawSorted(exponential(4), createStream('test-seed', 'exponential-wrong'));
    const check = checkSamples(sorted, exponential(4.12));
    expect(check.ksScaled).toBeGreaterThan(KS_CRITICAL_SQRT_N);
    expect(Math.abs(check.meanZ)).toBeGreaterThan(4);
  });

  it('has quantile -ln(1 - p) * mean and the matching CDF', () => {
    const d = exponential(4);
    expect(d.kind).toBe('exponential');
    expect(d.mean).toBe(4);
    for (const p of [0.1, 0.5, 0.9, 0.99, 0.999999]) {
      expect(d.quantile(p)).toBeCloseTo(-Math.log(1 - p) * 4, 10);
      expect(d.cdf(d.quantile(p))).toBeCloseTo(p, 14);
    }
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(4)).toBeCloseTo(1 - Math.exp(-1), 15);
    // Tiny x keeps relative precision (expm1, not 1 - exp).
    expect(d.cdf(4e-12) / 1e-12).toBeCloseTo(1, 10);
  });

  it('samples finite values even from the largest uniform', () => {
    expect(Number.isFinite(exponential(1).sample(() => 1 - 2 ** -53))).toBe(true);
    expect(exponential(1).sample(() => 0)).toBe(0);
  });

  it('rejects bad parameters', () => {
    expect(() => exponential(0)).toThrow('exponential: mean must be > 0 (got 0)');
    expect(() => exponential(-3)).toThrow('exponential: mean must be > 0 (got -3)');
    expect(() => exponential(Number.NaN)).toThrow(RangeError);
    expect(() => exponential(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
