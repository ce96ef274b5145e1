import { describe, expect, it } from 'vitest';
import { log10 } from '../../src/special/log10.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('log10', () => {
  it('stays within 1 ulp of Math.log10 on arguments over the whole range', () => {
    const r = seeded(1);
    expectWithinOneUlp(log10, Math.log10, () => Math.exp((r() * 2 - 1) * 700));
  });

  it('stays within 2 ulps of Math.log10 near 1, where V8 is the less accurate', () => {
    // V8's Math.log10 is fdlibm's older e_log10.c (log(x) / ln10, up to 2 ulps off near 1):
    // the known-value test below holds ours to 1 ulp at a point where V8 is 2 ulps off.
    const r = seeded(2);
    expectWithinOneUlp(log10, Math.log10, () => 1 + (r() * 2 - 1) * 0.3, 20000, 2);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [2, 0.3010299956639812],
      [3, 0.47712125471966244],
      [0.5, -0.3010299956639812],
      [1e-300, -300.0],
      [1e300, 300.0],
      // V8's Math.log10 gives -0.12008052250201721 here, 2 ulps off.
      [0.7584369402650916, -0.12008052250201724],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(log10(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(log10, Math.log10);
  });

  it('is exact at the powers of ten that are doubles', () => {
    for (let k = 0; k <= 22; k++) expect(log10(Number(`1e${k}`))).toBe(k);
  });
});
