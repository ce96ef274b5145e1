import { describe, expect, it } from 'vitest';
import { log1p } from '../../src/special/log1p.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('log1p', () => {
  it('stays within 1 ulp of Math.log1p on arguments over (-1, 1e6)', () => {
    const r = seeded(1);
    expectWithinOneUlp(log1p, Math.log1p, () => -1 + r() * 1e6);
  });

  it('stays within 1 ulp of Math.log1p on arguments near 0', () => {
    const r = seeded(2);
    expectWithinOneUlp(log1p, Math.log1p, () => (r() * 2 - 1) * 1e-5);
  });

  it('stays within 1 ulp of Math.log1p on arguments near -1', () => {
    const r = seeded(3);
    expectWithinOneUlp(log1p, Math.log1p, () => -1 + r() * 1e-3);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1e-10, 9.999999999500001e-11],
      [-1e-10, -1.00000000005e-10],
      [0.5, 0.4054651081081644],
      [-0.5, -Math.LN2],
      [1, Math.LN2],
      [10000000000.0, 23.025850930040455],
      [-0.999999, -13.815510557935518],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(log1p(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(log1p, Math.log1p);
  });

  it('keeps tiny arguments and the sign of zero', () => {
    expect(log1p(1e-300)).toBe(1e-300);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-2)).toBeNaN();
  });
});
