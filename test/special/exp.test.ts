import { describe, expect, it } from 'vitest';
import { exp } from '../../src/special/exp.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('exp', () => {
  it('stays within 1 ulp of Math.exp on arguments over the whole finite range', () => {
    const r = seeded(1);
    expectWithinOneUlp(exp, Math.exp, () => (r() * 2 - 1) * 745);
  });

  it('stays within 1 ulp of Math.exp on arguments near 0', () => {
    const r = seeded(2);
    expectWithinOneUlp(exp, Math.exp, () => (r() * 2 - 1) * 2);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1, Math.E],
      [-1, 0.36787944117144233],
      [0.5, 1.6487212707001282],
      [10, 22026.465794806718],
      [-10, 4.5399929762484854e-5],
      [100, 2.6881171418161356e43],
      [700, 1.0142320547350045e304],
      [-700, 9.85967654375977e-305],
      [-745, 5e-324],
      [1e-10, 1.0000000001],
      [9.313225746154785e-10, 1.0000000009313226],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(exp(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(exp, Math.exp);
  });

  it('is exact where the answer is', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(-746)).toBe(0);
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
  });
});
