import { describe, expect, it } from 'vitest';
import { uniform } from '../../../src/random/distributions/uniform.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

describe('uniform', () => {
  it('matches its mean, quantiles and CDF in 100k samples', () => {
    expectSamplesMatch(uniform(2, 5), createStream('test-seed', 'uniform'), { variance: 9 / 12 });
  });

  it('has the closed forms', () => {
    const d = uniform(2, 5);
    expect(d.kind).toBe('uniform');
    expect(d.mean).toBe(3.5);
    expect(d.cdf(1)).toBe(0);
    expect(d.cdf(3.5)).toBe(0.5);
    expect(d.cdf(5)).toBe(1);
    expect(d.quantile(0)).toBe(2);
    expect(d.quantile(0.25)).toBe(2.75);
    expect(d.quantile(1)).toBe(5);
    for (const x of [2.1, 3, 4.9]) expect(d.quantile(d.cdf(x))).toBeCloseTo(x, 12);
  });

  it('degenerates to a point mass when min === max', () => {
    const d = uniform(4, 4);
    expect(d.sample(() => 0.7)).toBe(4);
    expect(d.cdf(3.9)).toBe(0);
    expect(d.cdf(4)).toBe(1);
    expect(d.quantile(0.5)).toBe(4);
  });

  it('rejects bad parameters', () => {
    expect(() => uniform(5, 2)).toThrow('uniform: min must be <= max (got min 5, max 2)');
    expect(() => uniform(Number.NaN, 2)).toThrow('uniform: min must be finite (got NaN)');
    expect(() => uniform(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => uniform(0, 1).quantile(2)).toThrow(RangeError);
  });
});
