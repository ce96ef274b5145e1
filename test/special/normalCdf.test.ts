import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/special/normalCdf.ts';

function expectRelative(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tol);
}

describe('normalCdf', () => {
  it('matches high-precision values across the body and both tails', () => {
    // Reference values from mpmath at 30 digits.
    const cases: [number, number][] = [
      [-37, 5.725571222524577e-300],
      [-20, 2.7536241186062337e-89],
      [-8, 6.220960574271784e-16],
      [-3, 0.0013498980316300946],
      [-1, 0.15865525393145705],
      [0.5, 0.6914624612740131],
      [2, 0.9772498680518208],
    ];
    for (const [x, expected] of cases) expectRelative(normalCdf(x), expected, 1e-13);
  });

  it('keeps relative precision at x = -8 (the brief: 6.22096057427178e-16)', () => {
    expectRelative(normalCdf(-8), 6.22096057427178e-16, 1e-9);
  });

  it('is exactly 1/2 at 0 and symmetric', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const x of [0.01, 0.3, 0.7, 1.5, 4]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });

  it('saturates cleanly and propagates NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is monotone across the approximation boundaries', () => {
    let prev = 0;
    for (let x = -10; x <= 10; x += 0.001) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
  });
});
