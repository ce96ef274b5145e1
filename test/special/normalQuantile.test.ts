import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/special/normalCdf.ts';
import { normalQuantile } from '../../src/special/normalQuantile.ts';

function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tol);
}

describe('normalQuantile', () => {
  it('matches high-precision values', () => {
    // Reference values from mpmath at 30 digits.
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-12);
    expectRelative(normalQuantile(0.9), 1.2815515655446006, 1e-14);
    expectRelative(normalQuantile(0.99), 2.326347874040841, 1e-14);
    expectRelative(normalQuantile(0.999), 3.0902323061678136, 1e-14);
    expectRelative(normalQuantile(1e-10), -6.361340902404057, 1e-14);
    expectRelative(normalQuantile(1e-300), -37.0470962993612, 1e-9);
  });

  it('is exact at the ends and the median', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('round-trips through normalCdf from far tails to near the median', () => {
    for (const p of [1e-250, 1e-30, 1e-8, 1e-3, 0.02425, 0.2, 0.4, 0.49999, 0.499999999]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    }
    for (const p of [0.6, 0.9, 0.975, 0.999999]) {
      expectRelative(1 - normalCdf(normalQuantile(p)), 1 - p, 1e-10);
    }
  });

  it('keeps relative precision just off the median', () => {
    // Phi^-1(1/2 + d) = sqrt(2 pi) d to first order; the cubic term is ~1e-19 here.
    const d = 1e-7;
    expectRelative(normalQuantile(0.5 + d), Math.sqrt(2 * Math.PI) * (0.5 + d - 0.5), 1e-12);
  });

  it('is antisymmetric', () => {
    // Levels whose complement 1 - p is exact in binary.
    for (const p of [2 ** -40, 2 ** -7, 0.3125, 0.4375]) {
      expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    }
  });

  it('rejects levels outside [0, 1]', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) {
      expect(() => normalQuantile(p)).toThrow(RangeError);
    }
    expect(() => normalQuantile(2)).toThrow('normalQuantile: p must be in [0, 1] (got 2)');
  });
});
