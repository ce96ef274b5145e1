import { describe, expect, it } from 'vitest';
import { type Gamma, gamma } from '../../../src/random/distributions/gamma.ts';
import { claimStreamState, createStream } from '../../../src/random/streams.ts';
import { checkSamples, drawSorted, expectSamplesMatch, KS_CRITICAL_SQRT_N } from '../ks.ts';

describe('gamma', () => {
  it('matches its mean, quantiles and CDF in 100k samples, including shape < 1', () => {
    for (const [shape, scale] of [
      [2, 3],
      [0.5, 2],
      [30, 0.1],
    ]) {
      const rng = createStream('test-seed', `gamma-${shape}-${scale}`);
      expectSamplesMatch(gamma(shape, scale), rng, { variance: shape * scale * scale });
    }
  });

  it('is caught by the KS test when the shape is 5% off', () => {
    const sorted = drawSorted(gamma(2, 3), createStream('test-seed', 'gamma-wrong'));
    expect(checkSamples(sorted, gamma(2.1, 3)).ksScaled).toBeGreaterThan(KS_CRITICAL_SQRT_N);
  });

  it('has known values', () => {
    const d = gamma(2, 3);
    expect(d.kind).toBe('gamma');
    expect(d.mean).toBe(6);
    // P(2, 3) from mpmath.
    expect(d.cdf(9)).toBeCloseTo(0.8008517265285442, 14);
    expect(d.quantile(0.8008517265285442)).toBeCloseTo(9, 9);
    // Shape 1 is the exponential.
    const e = gamma(1, 5);
    for (const p of [1e-6, 0.1, 0.5, 0.99, 0.999999]) {
      const expected = -5 * Math.log1p(-p);
      expect(Math.abs(e.quantile(p) - expected) / expected).toBeLessThan(1e-10);
    }
  });

  it('has support [0, Infinity) and round-trips quantile and cdf', () => {
    for (const [shape, scale] of [
      [2, 3],
      [0.1, 1],
      [0.5, 2],
      [200, 0.01],
    ]) {
      const d = gamma(shape, scale);
      expect(d.quantile(0)).toBe(0);
      expect(d.quantile(1)).toBe(Number.POSITIVE_INFINITY);
      expect(d.cdf(0)).toBe(0);
      for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
        const x = d.quantile(p);
        expect(Math.abs(d.cdf(x) - p)).toBeLessThan(1e-10);
        expect(Math.abs(d.quantile(d.cdf(x)) - x) / x).toBeLessThan(1e-8);
      }
    }
  });

  it('rejects bad parameters', () => {
    expect(() => gamma(0, 1)).toThrow('gamma: shape must be > 0 (got 0)');
    expect(() => gamma(1, -1)).toThrow('gamma: scale must be > 0 (got -1)');
    expect(() => gamma(Number.NaN, 1)).toThrow(RangeError);
    expect(() => gamma(1, 1).quantile(-1)).toThrow(RangeError);
  });

  it('draws the same numbers from a claimed stream state (sampleAlea) as sample() from the stream', () => {
    // Shapes below 1 (the boost's third draw), near 1 and large; rejections included.
    for (const shape of [0.05, 0.5, 0.99, 1, 2.5, 40]) {
      const d = gamma(shape, 3) as Gamma;
      const viaClosure = createStream(`alea${shape}`, 'g');
      const claimed = createStream(`alea${shape}`, 'g');
      const { slab, index } = claimStreamState(claimed)!;
      for (let k = 0; k < 2000; k++) {
        const a = d.sampleAlea(slab, index);
        const b = d.sample(viaClosure);
        if (!Object.is(a, b)) expect.fail(`shape ${shape}, draw ${k}: ${a} against ${b}`);
      }
      // And the streams are at the same place after it.
      expect(claimed()).toBe(viaClosure());
    }
  });
});
