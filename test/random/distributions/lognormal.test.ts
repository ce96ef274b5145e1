import { describe, expect, it } from 'vitest';
import { lognormal } from '../../../src/random/distributions/lognormal.ts';
import { createStream } from '../../../src/random/streams.ts';
import { checkSamples, drawSorted, expectSamplesMatch, KS_CRITICAL_SQRT_N } from '../ks.ts';

const MU = Math.log(200);

function variance(mu: number, sigma: number): number {
  return Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma);
}

describe('lognormal', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    for (const sigma of [0.26, 0.5, 1.2]) {
      expectSamplesMatch(lognormal(MU, sigma), createStream('test-seed', `lognormal-${sigma}`), {
        variance: variance(MU, sigma),
      });
    }
  });

  it('is caught by the KS test when sigma is 10% off', () => {
    const sorted = drawSorted(lognormal(MU, 0.5), createStream('test-seed', 'lognormal-wrong'));
    const check = checkSamples(sorted, lognormal(MU, 0.55));
    expect(check.ksScaled).toBeGreaterThan(KS_CRITICAL_SQRT_N);
    // The tails move the most: p99 is far outside its tolerance.
    expect(check.quantileZ.get(0.99)).toBeGreaterThan(4);
  });

  it('has the closed forms', () => {
    const d = lognormal(MU, 0.5);
    expect(d.kind).toBe('lognormal');
    expect(d.mean).toBeCloseTo(200 * Math.exp(0.125), 10);
    expect(d.quantile(0.5)).toBeCloseTo(200, 10);
    expect(d.cdf(200)).toBe(0.5);
    expect(d.quantile(0.975) / (200 * Math.exp(0.5 * 1.959963984540054))).toBeCloseTo(1, 12);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(d.cdf(0)).toBe(0);
    expect(d.cdf(-5)).toBe(0);
    for (const x of [1, 50, 200, 1000, 2000]) expect(d.quantile(d.cdf(x)) / x).toBeCloseTo(1, 6);
    for (const p of [1e-6, 0.1, 0.5, 0.9, 0.99])
      expect(d.cdf(d.quantile(p)) / p).toBeCloseTo(1, 12);
  });

  it('rejects bad parameters', () => {
    expect(() => lognormal(0, -1)).toThrow('lognormal: sigma must be > 0 (got -1)');
    expect(() => lognormal(0, 0)).toThrow('lognormal: sigma must be > 0 (got 0)');
    expect(() => lognormal(Number.NaN, 1)).toThrow('lognormal: mu must be finite (got NaN)');
    expect(() => lognormal(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => lognormal(0, 1).quantile(Number.NaN)).toThrow(RangeError);
  });
});
