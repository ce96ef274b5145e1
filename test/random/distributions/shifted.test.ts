import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/random/distribution.ts';
import { exponential } from '../../../src/random/distributions/exponential.ts';
import { lognormal } from '../../../src/random/distributions/lognormal.ts';
import { shifted } from '../../../src/random/distributions/shifted.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

describe('shifted', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    const sigma = 0.4;
    const base = lognormal(Math.log(100), sigma);
    const variance = Math.expm1(sigma * sigma) * base.mean * base.mean;
    expectSamplesMatch(shifted(50, base), createStream('test-seed', 'shifted'), { variance });
  });

  it('moves the support, mean and quantiles by the offset', () => {
    const d = shifted(50, exponential(10));
    expect(d.kind).toBe('shifted');
    expect(d.mean).toBe(60);
    expect(d.quantile(0)).toBe(50);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(d.quantile(0.5)).toBeCloseTo(50 + 10 * Math.LN2, 12);
    expect(d.cdf(49)).toBe(0);
    expect(d.cdf(50 + 10 * Math.LN2)).toBeCloseTo(0.5, 14);
    expect(d.sample(() => 0)).toBe(50);
    expect(shifted(0, exponential(10)).mean).toBe(10);
  });

  it('rejects bad parameters', () => {
    expect(() => shifted(-1, exponential(1))).toThrow('shifted: offset must be >= 0 (got -1)');
    expect(() => shifted(Number.NaN, exponential(1))).toThrow(RangeError);
    expect(() => shifted(1, undefined as unknown as Distribution)).toThrow(RangeError);
  });
});
