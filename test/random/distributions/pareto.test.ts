import { describe, expect, it } from 'vitest';
import { pareto } from '../../../src/random/distributions/pareto.ts';
import { createStream } from '../../../src/random/streams.ts';
import { expectSamplesMatch } from '../ks.ts';

describe('pareto', () => {
  it('matches its mean, quantiles and CDF in 100k samples (finite variance)', () => {
    // Shape 4 so that the variance (and the sample variance's own variance) is
    // finite: xm^2 a / ((a - 1)^2 (a - 2)).
    const a = 4;
    const variance = (100 * a) / ((a - 1) ** 2 * (a - 2));
    expectSamplesMatch(pareto(10, a), createStream('test-seed', 'pareto'), { variance });
  });

  it('matches quantiles and CDF even with infinite variance', () => {
    // The mean check needs a finite variance; KS and quantiles do not.
    const d = pareto(10, 1.5);
    const check = expectSamplesMatch(d, createStream('test-seed', 'pareto-heavy'), {
      variance: Number.POSITIVE_INFINITY,
    });
    // With infinite variance the mean check is switched off (z is +-0, whatever the sample).
    expect(Math.abs(check.meanZ)).toBe(0);
  });

  it('has the closed forms', () => {
    const d = pareto(10, 3);
    expect(d.kind).toBe('pareto');
    expect(d.mean).toBe(15);
    expect(d.cdf(10)).toBe(0);
    expect(d.cdf(20)).toBeCloseTo(1 - 1 / 8, 15);
    expect(d.quantile(0)).toBe(10);
    expect(d.quantile(0.875)).toBeCloseTo(20, 12);
    expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    for (const x of [10.5, 30, 300]) expect(d.quantile(d.cdf(x)) / x).toBeCloseTo(1, 9);
    expect(pareto(1, 1).mean).toBe(Number.POSITIVE_INFINITY);
    expect(pareto(1, 0.5).mean).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects bad parameters', () => {
    expect(() => pareto(0, 2)).toThrow('pareto: scale must be > 0 (got 0)');
    expect(() => pareto(1, -2)).toThrow('pareto: shape must be > 0 (got -2)');
    expect(() => pareto(1, Number.NaN)).toThrow(RangeError);
  });
});
