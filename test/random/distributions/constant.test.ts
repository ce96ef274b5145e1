import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/random/distributions/constant.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

describe('constant', () => {
  it('matches its own mean, quantiles and CDF in 100k samples', () => {
    const d = constant(7);
    const cdfBefore = (x: number) => (x <= 7 ? 0 : 1);
    expectSamplesMatch(d, createStream('test-seed', 'constant'), { variance: 0, cdfBefore });
  });

  it('is a point mass that consumes no draws', () => {
    const d = constant(7);
    let draws = 0;
    const rng = () => {
      draws++;
      return 0.5;
    };
    expect(d.sample(rng)).toBe(7);
    expect(draws).toBe(0);
    expect(d.kind).toBe('constant');
    expect(d.mean).toBe(7);
    expect(d.cdf(6.999)).toBe(0);
    expect(d.cdf(7)).toBe(1);
    expect(d.quantile(0)).toBe(7);
    expect(d.quantile(1)).toBe(7);
    expect(constant(0).sample(rng)).toBe(0);
  });

  it('rejects a non-finite value and a bad level', () => {
    expect(() => constant(Number.NaN)).toThrow('constant: value must be finite (got NaN)');
    expect(() => constant(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => constant(1).quantile(-0.5)).toThrow('constant: p must be in [0, 1] (got -0.5)');
  });
});
