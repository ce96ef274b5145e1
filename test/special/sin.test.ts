import { describe, expect, it } from 'vitest';
import { sin } from '../../src/special/sin.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('sin', () => {
  it('stays within 1 ulp of Math.sin on arguments in [-10, 10]', () => {
    const r = seeded(1);
    expectWithinOneUlp(sin, Math.sin, () => (r() * 2 - 1) * 10);
  });

  it('stays within 1 ulp of Math.sin on Cody-Waite arguments up to 1.6e6', () => {
    const r = seeded(2);
    expectWithinOneUlp(sin, Math.sin, () => (r() * 2 - 1) * 1.6e6);
  });

  it('stays within 1 ulp of Math.sin on Payne-Hanek arguments up to 1e300', () => {
    const r = seeded(3);
    expectWithinOneUlp(sin, Math.sin, () => (r() * 2 - 1) * 10 ** (6 + r() * 294));
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [1, 0.8414709848078965],
      [3, 0.1411200080598672],
      [Math.PI, 1.2246467991473532e-16],
      [100, -0.5063656411097588],
      [1000000.0, -0.34999350217129294],
      [1e22, -0.8522008497671888],
      [1e300, -0.8178819121159085],
      [1.0715086071862673e301, -0.15920170308624243],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(sin(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(sin, Math.sin);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(sin(0), 0)).toBe(true);
  });
});
