import { describe, expect, it } from 'vitest';
import { log } from '../../src/special/log.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('log', () => {
  it('stays within 1 ulp of Math.log on arguments over the whole range', () => {
    const r = seeded(1);
    expectWithinOneUlp(log, Math.log, () => Math.exp((r() * 2 - 1) * 700));
  });

  it('stays within 1 ulp of Math.log on arguments near 1', () => {
    const r = seeded(2);
    expectWithinOneUlp(log, Math.log, () => 1 + (r() * 2 - 1) * 0.3);
  });

  it('stays within 1 ulp of Math.log on subnormal arguments', () => {
    const r = seeded(3);
    expectWithinOneUlp(log, Math.log, () => r() * 2.2e-308);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [2, Math.LN2],
      [10, Math.LN10],
      [0.5, -Math.LN2],
      [1e-300, -690.7755278982137],
      [1e300, 690.7755278982137],
      [1.0000001, 9.999999505838704e-8],
      [0.9999999, -1.0000000494736474e-7],
      [5e-324, -744.4400719213812],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(log(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(log, Math.log);
  });

  it('is exact where the answer is', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
  });
});
