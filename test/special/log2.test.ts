import { describe, expect, it } from 'vitest';
import { log2 } from '../../src/special/log2.ts';
import { expectSpecialsLikeMath, expectWithinOneUlp, seeded, ulpDistance } from './ulps.ts';

describe('log2', () => {
  it('stays within 1 ulp of Math.log2 on arguments over the whole range', () => {
    const r = seeded(1);
    expectWithinOneUlp(log2, Math.log2, () => Math.exp((r() * 2 - 1) * 700));
  });

  it('stays within 1 ulp of Math.log2 on arguments near 1', () => {
    const r = seeded(2);
    expectWithinOneUlp(log2, Math.log2, () => 1 + (r() * 2 - 1) * 0.3);
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number][] = [
      [3, 1.584962500721156],
      [10, 3.321928094887362],
      [1e-300, -996.5784284662087],
      [0.7, -0.5145731728297583],
      [1e300, 996.5784284662087],
    ];
    for (const [x, expected] of cases)
      expect(ulpDistance(log2(x), expected), `at ${x}`).toBeLessThanOrEqual(1);
  });

  it('gives what Math gives at zeros, infinities, NaN, subnormals and extremes', () => {
    expectSpecialsLikeMath(log2, Math.log2);
  });

  it('is exact at every power of two (the recorder bins latencies by octave)', () => {
    for (let k = -1074; k <= 1023; k++) expect(log2(2 ** k)).toBe(k);
  });
});
