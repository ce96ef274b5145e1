import { describe, expect, it } from 'vitest';
import { cos } from '../../src/special/cos.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('cos', () => {
  it('stays within 1 ulp of Math.cos on arguments in [-10, 10]', () => {
    const r = seeded(1);
    expectWithinOneUlp(cos, Math.cos, () => (r() * 2 - 1) * 10);
  });

  it('stays within 1 ulp of Math.cos on Cody-Waite arguments up to 1.6e6', () => {
    const r = seeded(2);
    expectWithinOneUlp(cos, Math.cos, () => (r() * 2 - 1) * 1.6e6);
  });

  it('stays within 1 ulp of Math.cos on Payne-Hanek arguments up to 1e300', () => {
    const r = seeded(3);
    expectWithinOneUlp(cos, Math.cos, () => (r() * 2 - 1) * 10 ** (6 + r() * 294));
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1, 0.5403023058681398],
      [3, -0.9899924966004454],
      [Math.PI, -1.0],
      [100, 0.8623188722876839],
      [1000000.0, 0.9367521275331447],
      [1e22, 0.523214785395139],
      [1e300, -0.5753861119575491],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(cos(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(cos, Math.cos);
  });

  it('is 1 at zero', () => {
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
  });
});
