import { describe, expect, it } from 'vitest';
import { tan } from '../../src/special/tan.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('tan', () => {
  it('stays within 1 ulp of Math.tan on arguments in [-10, 10]', () => {
    const r = seeded(1);
    expectWithinOneUlp(tan, Math.tan, () => (r() * 2 - 1) * 10);
  });

  it('stays within 1 ulp of Math.tan on Cody-Waite arguments up to 1.6e6', () => {
    const r = seeded(2);
    expectWithinOneUlp(tan, Math.tan, () => (r() * 2 - 1) * 1.6e6);
  });

  it('stays within 1 ulp of Math.tan on Payne-Hanek arguments up to 1e300', () => {
    const r = seeded(3);
    expectWithinOneUlp(tan, Math.tan, () => (r() * 2 - 1) * 10 ** (6 + r() * 294));
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1, 1.5574077246549023],
      [0.7853981633974483, 0.9999999999999999],
      [1.5707963267948966, 1.633123935319537e16],
      [3, -0.1425465430742778],
      [1e22, -1.6287782256068988],
      [1e300, 1.4214488238747245],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(tan(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(tan, Math.tan);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(tan(-0), -0)).toBe(true);
  });
});
