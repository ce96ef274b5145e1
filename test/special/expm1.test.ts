import { describe, expect, it } from 'vitest';
import { expm1 } from '../../src/special/expm1.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('expm1', () => {
  it('stays within 1 ulp of Math.expm1 on arguments over [-60, 60]', () => {
    const r = seeded(1);
    expectWithinOneUlp(expm1, Math.expm1, () => (r() * 2 - 1) * 60);
  });

  it('stays within 1 ulp of Math.expm1 on arguments near 0', () => {
    const r = seeded(2);
    expectWithinOneUlp(expm1, Math.expm1, () => (r() * 2 - 1) * 1e-3);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1e-10, 1.00000000005e-10],
      [-1e-10, -9.999999999500001e-11],
      [1e-5, 1.0000050000166668e-5],
      [0.3, 0.3498588075760031],
      [-0.3, -0.2591817793182821],
      [1, 1.7182818284590453],
      [30, 10686474581523.463],
      [-30, -0.9999999999999064],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(expm1(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(expm1, Math.expm1);
  });

  it('keeps tiny arguments and the sign of zero', () => {
    expect(expm1(1e-300)).toBe(1e-300);
    expect(Object.is(expm1(-0), -0)).toBe(true);
    expect(expm1(-1000)).toBe(-1);
  });
});
