import { describe, expect, it } from 'vitest';
import { weibull } from '../../../src/random/distributions/weibull.ts';
import { createStream } from '../../../src/random/streams.ts';
import { logGamma } from '../../../src/special/logGamma.ts';
import { expectSamplesMatch } from '../ks.ts';

function variance(shape: number, scale: number): number {
  const g1 = Math.exp(logGamma(1 + 1 / shape));
  const g2 = Math.exp(logGamma(1 + 2 / shape));
  return scale * scale * (g2 - g1 * g1);
}

describe('weibull', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    for (const [shape, scale] of [
      [1.5, 100],
      [0.7, 10],
    ]) {
      const rng = createStream('test-seed', `weibull-${shape}-${scale}`);
      expectSamplesMatch(weibull(shape, scale), rng, { variance: variance(shape, scale) });
    }
  });

  it('has the closed forms', () => {
    const d = weibull(1.5, 100);
    expect(d.kind).toBe('weibull');
    // 100 Gamma(1 + 1/1.5) from mpmath.
    expect(d.mean).toBeCloseTo(90.27452929509336, 11);
    expect(d.cdf(100)).toBeCloseTo(1 - Math.exp(-1), 15);
    expect(d.quantile(1 - Math.exp(-1))).toBeCloseTo(100, 10);
    expect(d.quantile(0)).toBe(0);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(d.cdf(-1)).toBe(0);
    for (const x of [0.5, 50, 300]) expect(d.quantile(d.cdf(x)) / x).toBeCloseTo(1, 9);
    // Shape 1 is the exponential.
    expect(weibull(1, 4).quantile(0.9)).toBeCloseTo(-4 * Math.log(0.1), 12);
    expect(weibull(1, 4).mean).toBeCloseTo(4, 13);
  });

  it('samples +0 and finite values at the ends of [0, 1)', () => {
    expect(
      Object.is(
        weibull(1, 4).sample(() => 0),
        0,
      ),
    ).toBe(true);
    expect(Number.isFinite(weibull(0.5, 4).sample(() => 1 - 2 ** -53))).toBe(true);
  });

  it('rejects bad parameters', () => {
    expect(() => weibull(0, 1)).toThrow('weibull: shape must be > 0 (got 0)');
    expect(() => weibull(1, -5)).toThrow('weibull: scale must be > 0 (got -5)');
    expect(() => weibull(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
