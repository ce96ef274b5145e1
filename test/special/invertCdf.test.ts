import { describe, expect, it } from 'vitest';
import { invertCdf } from '../../src/special/invertCdf.ts';

describe('invertCdf', () => {
  const expCdf = (x: number) => (x <= 0 ? 0 : -Math.expm1(-x));

  it('inverts a smooth CDF to about 1e-12 relative', () => {
    for (const p of [1e-9, 0.1, 0.5, 0.99, 0.999999]) {
      const x = invertCdf(expCdf, p, 0, 1);
      expect(Math.abs(x - -Math.log1p(-p)) / -Math.log1p(-p)).toBeLessThan(1e-11);
    }
  });

  it('expands a bracket that is too short', () => {
    const x = invertCdf(expCdf, 0.5, 0, 1e-6);
    expect(x).toBeCloseTo(Math.LN2, 10);
  });

  it('returns the smallest x at a jump and at a flat stretch', () => {
    // An atom of mass 0.4 at 2, uniform on [0, 1] and [3, 4] around it.
    const cdf = (x: number) =>
      x < 0 ? 0 : x < 1 ? 0.3 * x : x < 2 ? 0.3 : x < 3 ? 0.7 : x < 4 ? 0.7 + 0.3 * (x - 3) : 1;
    expect(invertCdf(cdf, 0.5, 0, 10)).toBeCloseTo(2, 10);
    expect(invertCdf(cdf, 0.7, 0, 10)).toBeCloseTo(2, 10);
    expect(invertCdf(cdf, 0.3, 0, 10)).toBeCloseTo(1, 10);
  });

  it('returns lo when it already reaches p, and Infinity when nothing does', () => {
    expect(invertCdf(() => 0.5, 0.2, 3, 4)).toBe(3);
    expect(invertCdf(() => 0.5, 0.7, 0, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects a bad level or lower bound', () => {
    expect(() => invertCdf(expCdf, 1.5, 0, 1)).toThrow(RangeError);
    expect(() => invertCdf(expCdf, 0.5, Number.NEGATIVE_INFINITY, 1)).toThrow(RangeError);
  });
});
