import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/special/normalCdf.ts';
import { ASYMPTOTIC_SHAPE, regularizedGammaP } from '../../src/special/regularizedGammaP.ts';

/** Relative error on the smaller tail: P below the median, Q = 1 - P above. */
const tailError = (got: number, want: number, upper: boolean) =>
  upper ? Math.abs(1 - got - want) / want : Math.abs(got - want) / want;

describe('regularizedGammaP', () => {
  it('matches high-precision values for small shapes', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    // P(1/2, x) = erf(sqrt x) = 2 Phi(sqrt(2x)) - 1.
    expect(regularizedGammaP(0.5, 0.3)).toBeCloseTo(2 * normalCdf(Math.sqrt(0.6)) - 1, 13);
  });

  it('matches high-precision values for shapes above the asymptotic threshold, both tails', () => {
    // From mpmath's gammainc at 40 digits, rounded to doubles: [a, x, the smaller tail, whether it is Q].
    const cases: [number, number, number, boolean][] = [
      [100001, 99052.3121, 0.0013127720088904826, false],
      [100001, 100633.4586, 0.02292061106160934, true],
      [300000, 295618.2192, 4.540727928102316e-16, false],
      [1e7, 9905131.669, 2.791931841433529e-199, false],
      [1e7, 10003162.2777, 0.1586552468523677, true],
    ];
    for (const [a, x, want, upper] of cases) {
      expect(a).toBeGreaterThan(ASYMPTOTIC_SHAPE);
      expect(tailError(regularizedGammaP(a, x), want, upper)).toBeLessThan(1e-12);
    }
  });

  it('joins the two methods at the threshold', () => {
    const a = ASYMPTOTIC_SHAPE;
    for (const z of [-5, -1, 0, 1, 5]) {
      const x = a + z * Math.sqrt(a);
      const below = regularizedGammaP(a, x);
      const above = regularizedGammaP(a * (1 + 1e-15), x);
      // The series' own error at 1e5 is some 3e-10 (its prefactor); the two agree to that.
      expect(Math.abs(below - above) / Math.min(below, 1 - below)).toBeLessThan(1e-8);
    }
  });

  it('approaches the normal CDF as the shape grows (central limit), at 1e17 and beyond', () => {
    for (const a of [1e17, 1e25, 1e30]) {
      for (const z of [-6, -2, -0.5, 0, 0.5, 2, 6]) {
        const x = a + z * Math.sqrt(a);
        // x as rounded: at 1e30 a double's spacing is a ten-millionth of a standard deviation.
        const zx = (x - a) / Math.sqrt(a);
        // The gap to Phi(z) is O(1 / sqrt a): below 1e-8 from a = 1e17.
        expect(Math.abs(regularizedGammaP(a, x) - normalCdf(zx))).toBeLessThan(1e-8);
      }
    }
    // Beyond, the standard deviation is below a double's spacing: a step at a.
    for (const a of [1e100, 1e300]) {
      expect(regularizedGammaP(a, a * (1 - 1e-15))).toBe(0);
      expect(regularizedGammaP(a, a)).toBeCloseTo(0.5, 12);
      expect(regularizedGammaP(a, a * (1 + 1e-15))).toBe(1);
    }
  });

  it('returns a probability, at bounded cost, at any finite arguments (1e17 used to hang)', () => {
    const shapes = [1e-300, 1e-5, 1, 170.5, 1e5, 1e17, 1e100, Number.MAX_VALUE];
    const xs = [5e-324, 1e-300, 1e-5, 1, 1e5, 1e17, 1e100, 1e308, Number.MAX_VALUE];
    for (const a of shapes) {
      let last = 0;
      for (const x of xs) {
        const p = regularizedGammaP(a, x);
        expect(p, `P(${a}, ${x})`).toBeGreaterThanOrEqual(last);
        expect(p, `P(${a}, ${x})`).toBeLessThanOrEqual(1);
        last = p;
      }
      for (const f of [0.5, 1 - 1e-9, 1, 1 + 1e-9, 2]) {
        const p = regularizedGammaP(a, a * f);
        expect(Number.isFinite(p), `P(${a}, ${a * f})`).toBe(true);
      }
    }
  });
});
