import { describe, expect, it } from 'vitest';
import { gamma } from '../../src/random/distributions/gamma.ts';
import { normalTruncated } from '../../src/random/distributions/normalTruncated.ts';
import { weibull } from '../../src/random/distributions/weibull.ts';
import { createStream } from '../../src/random/streams.ts';
import { erfcx } from '../../src/special/erfcx.ts';
import { erfSmall } from '../../src/special/erfSmall.ts';
import { invertCdf } from '../../src/special/invertCdf.ts';
import { logGamma } from '../../src/special/logGamma.ts';
import { normalCdf } from '../../src/special/normalCdf.ts';
import { normalQuantile } from '../../src/special/normalQuantile.ts';
import { normalQuantileApprox } from '../../src/special/normalQuantileApprox.ts';
import { percentileName } from '../../src/special/percentileName.ts';
import { regularizedGammaP } from '../../src/special/regularizedGammaP.ts';

/**
 * Every special function at the edges of the doubles: each returns (a hang fails the
 * test by its timeout) and gives a number in its range, never NaN for a valid argument.
 */
const HUGE = [1e17, 1e100, 1e300, Number.MAX_VALUE];
const TINY = [Number.MIN_VALUE, 1e-300, 1e-17];
const ALL = [...TINY, ...HUGE, ...[...TINY, ...HUGE].map((x) => -x), 0];

describe('special functions at extreme arguments', () => {
  it('logGamma: finite or +Infinity, never NaN', () => {
    for (const x of [...TINY, ...HUGE, Number.POSITIVE_INFINITY]) {
      const v = logGamma(x);
      expect(Number.isNaN(v), `logGamma(${x})`).toBe(false);
      if (x <= 1e300) expect(Number.isFinite(v), `logGamma(${x})`).toBe(true);
    }
  });

  it('erfcx and erfSmall: in range', () => {
    for (const x of ALL) {
      const v = erfcx(x);
      expect(v, `erfcx(${x})`).toBeGreaterThanOrEqual(0);
      if (x >= 0) expect(v, `erfcx(${x})`).toBeLessThanOrEqual(1);
    }
    expect(erfcx(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfcx(Number.NEGATIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    for (const x of [...TINY, -0.46875, 0.46875]) {
      expect(Math.abs(erfSmall(x))).toBeLessThanOrEqual(0.5);
    }
  });

  it('normalCdf, normalQuantile, normalQuantileApprox: in range at both ends', () => {
    for (const x of [...ALL, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const p = normalCdf(x);
      expect(p >= 0 && p <= 1, `normalCdf(${x}) = ${p}`).toBe(true);
    }
    for (const p of [0, Number.MIN_VALUE, 1e-300, 1e-17, 0.5, 1 - 2 ** -53, 1]) {
      for (const q of [normalQuantile(p), normalQuantileApprox(p)]) {
        expect(Number.isNaN(q), `quantile(${p})`).toBe(false);
        if (p > 0 && p < 1) expect(Number.isFinite(q), `quantile(${p})`).toBe(true);
      }
    }
  });

  it('invertCdf: bounded when the CDF never reaches p, jumps at the far end, or is NaN', () => {
    expect(invertCdf(() => 0.5, 0.9, 0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(invertCdf((x) => (x >= 1e300 ? 1 : 0), 0.5, 0, 1)).toBeCloseTo(1e300, -290);
    expect(Number.isNaN(invertCdf(() => Number.NaN, 0.5, 0, 1))).toBe(false);
    expect(invertCdf((x) => (x >= Number.MIN_VALUE ? 1 : 0), 0.5, 0, 1)).toBe(Number.MIN_VALUE);
  });

  it('regularizedGammaP: a probability for any shape and any x', () => {
    for (const a of [...TINY, 1, ...HUGE]) {
      for (const x of [0, ...TINY, 1, ...HUGE, Number.POSITIVE_INFINITY]) {
        const p = regularizedGammaP(a, x);
        expect(p >= 0 && p <= 1, `P(${a}, ${x}) = ${p}`).toBe(true);
      }
    }
  });

  it('percentileName: a name for any probability', () => {
    expect(percentileName(1 - 1e-15)).toMatch(/^p[0-9.e-]+$/);
    expect(percentileName(Number.MIN_VALUE)).toMatch(/^p[0-9.e-]+$/);
  });
});

describe('distributions with extreme parameters: bounded cost, finite answers', () => {
  it('a gamma of shape 1e17 or more: cdf, quantile, mean and samples', () => {
    for (const [shape, scale] of [
      [1e17, 1e-14],
      [1e100, 1e-97],
      [1e300, 1e-297],
    ]) {
      const d = gamma(shape, scale);
      const q = d.quantile(0.999999);
      expect(Number.isFinite(q)).toBe(true);
      // Nearly a constant at the mean (1,000 here): its standard deviation is below 1e-5.
      expect(Math.abs(q - d.mean) / d.mean).toBeLessThan(1e-6);
      expect(d.cdf(d.mean * 0.99)).toBe(0);
      expect(d.cdf(d.mean * 1.01)).toBe(1);
      const rng = createStream('extreme', `gamma-${shape}`);
      for (let i = 0; i < 100; i++) expect(Math.abs(d.sample(rng) / d.mean - 1)).toBeLessThan(1e-6);
    }
  });

  it('a gamma of a tiny shape, a weibull of extreme shapes, a normal truncated far out', () => {
    for (const d of [
      gamma(1e-300, 1),
      weibull(1e-2, 1),
      weibull(1e300, 1),
      normalTruncated(-1e300, 1),
      normalTruncated(1e300, 1e-300),
    ]) {
      const q = d.quantile(0.999999);
      expect(Number.isNaN(q), `${d.kind} quantile`).toBe(false);
      const rng = createStream('extreme', d.kind);
      for (let i = 0; i < 10; i++)
        expect(Number.isNaN(d.sample(rng)), `${d.kind} sample`).toBe(false);
    }
  });
});
