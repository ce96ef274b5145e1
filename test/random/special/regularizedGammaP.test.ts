import { describe, expect, it } from 'vitest';
import { regularizedGammaP } from '../../../src/random/special/regularizedGammaP.ts';

describe('regularizedGammaP', () => {
  it('matches high-precision values on both sides of x = a + 1', () => {
    // From mpmath at 30 digits; (a, x, P(a, x)).
    const cases: [number, number, number][] = [
      [2, 3, 0.8008517265285442],
      [0.3, 0.01, 0.27924099635901484],
      [5, 2, 0.05265301734371116],
      [10, 15, 0.9301463393005902],
      [50, 40, 0.07033506665939496],
      [3.5, 20, 0.9999987412096126],
    ];
    for (const [a, x, expected] of cases) {
      expect(Math.abs(regularizedGammaP(a, x) - expected) / expected).toBeLessThan(1e-13);
    }
  });

  it('reduces to the exponential CDF for a = 1', () => {
    for (const x of [0.001, 0.5, 1, 2, 5, 30]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
    }
  });

  it('is 0 at and below zero and 1 at infinity', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaP(2, -1)).toBe(0);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('converges for large shapes near the mode', () => {
    // The normal approximation is good to ~1/sqrt(a) near the median.
    const p = regularizedGammaP(10_000, 10_000);
    expect(p).toBeGreaterThan(0.5);
    expect(p).toBeLessThan(0.503);
  });

  it('rejects a bad shape', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(-2, 1)).toThrow(
      'regularizedGammaP: a must be > 0 and finite (got -2)',
    );
  });
});
